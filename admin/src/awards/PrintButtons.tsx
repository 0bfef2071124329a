import { useState } from 'react';
import PrintIcon from '@mui/icons-material/Print';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { Button, Stack } from '@mui/material';
import { useDataProvider, useNotify, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { downloadPdf } from '../common/pdf';
import { useSessionUser } from '../common/hooks';
import { hasPermission } from '../providers/canAccess';
import type { CongDoanDataProvider, DecisionAward } from '../providers/dataProvider';
import { certificateDocument, decisionDocument, fileName, type DecisionContext } from './print';

/** The decision's awards and what its papers name: the issuer, the unit above it, the recipients' units. */
async function loadDecision(dp: CongDoanDataProvider, record: RaRecord, withSigner: boolean) {
  const awards = await dp.decisionAwards({
    decisionNumber: String(record.decisionNumber),
    year: Number(record.year),
    decidingUnitId: record.decidingUnitId ? String(record.decidingUnitId) : null,
    withSigner,
  });
  const ids = new Set<string>();
  if (record.decidingUnitId) ids.add(String(record.decidingUnitId));
  for (const a of awards) for (const id of [a.grassrootsUnionId, a.unionId, a.federationId]) if (id) ids.add(id);
  const units: Record<string, { name: string; federationId?: string | null; unionId?: string | null }> = {};
  await Promise.all(
    [...ids].map(async (id) => {
      const u = await dp.orgUnit(id).catch(() => null);
      if (u) units[id] = u as never;
    }),
  );
  const issuerUnit = record.decidingUnitId ? units[String(record.decidingUnitId)] : undefined;
  const parentId = issuerUnit ? (issuerUnit.unionId ?? issuerUnit.federationId ?? null) : null;
  const parent = parentId && parentId !== String(record.decidingUnitId) ? (units[parentId]?.name ?? (await dp.orgUnit(parentId).catch(() => null))?.name ?? null) : null;
  const ctx: DecisionContext = {
    issuer: issuerUnit?.name ?? null,
    parent,
    units: Object.fromEntries(Object.entries(units).map(([id, u]) => [id, u.name])),
  };
  return { awards, ctx };
}

/**
 * On an award's page: print its decision (the decision's number and date, issuer, signer and every
 * recipient of that decision) and the award's certificate, as PDF files.
 */
export const PrintButtons = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dp = useDataProvider<CongDoanDataProvider>();
  const withSigner = hasPermission(useSessionUser(), 'ReadUser');
  const [busy, setBusy] = useState<'decision' | 'certificate' | null>(null);
  if (!record?.decisionNumber) return null;

  const print = async (what: 'decision' | 'certificate') => {
    setBusy(what);
    try {
      const { awards, ctx } = await loadDecision(dp, record, withSigner);
      if (what === 'decision') {
        await downloadPdf(decisionDocument(awards, ctx), fileName('Quyet-dinh', String(record.decisionNumber)));
      } else {
        const own = awards.find((a: DecisionAward) => String(a.id) === String(record.id));
        if (!own) throw new Error('not found');
        await downloadPdf(certificateDocument(own, ctx), fileName(own.awardType?.name.split(' ').slice(0, 2).join('-') ?? 'Giay-khen', own.nomineeName));
      }
    } catch {
      notify('resources.awards.print.failed', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
      <Button variant="outlined" size="small" startIcon={<PrintIcon />} disabled={busy !== null} onClick={() => print('decision')} data-testid="print-decision">
        {translate(busy === 'decision' ? 'resources.awards.print.preparing' : 'resources.awards.print.decision')}
      </Button>
      <Button variant="outlined" size="small" startIcon={<WorkspacePremiumIcon />} disabled={busy !== null} onClick={() => print('certificate')} data-testid="print-certificate">
        {translate(busy === 'certificate' ? 'resources.awards.print.preparing' : 'resources.awards.print.certificate')}
      </Button>
    </Stack>
  );
};
