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

/** What names a decision: its number, its year and its deciding unit (null: the confederation). An award and an AwardDecision both carry these. */
export interface DecisionRef {
  decisionNumber: string;
  year: number;
  decidingUnitId: string | null;
}

/** The decision fields of a record (an award's, or a decision's own). */
export const decisionRefOf = (record: RaRecord): DecisionRef => ({
  decisionNumber: String(record.decisionNumber),
  year: Number(record.year),
  decidingUnitId: record.decidingUnitId ? String(record.decidingUnitId) : null,
});

/** The decision's awards and what its papers name: the issuer, the unit above it, the recipients' units. */
export async function loadDecision(dp: CongDoanDataProvider, decision: DecisionRef, withSigner: boolean): Promise<{ awards: DecisionAward[]; ctx: DecisionContext }> {
  const awards = await dp.decisionAwards({ ...decision, withSigner });
  const ids = new Set<string>();
  if (decision.decidingUnitId) ids.add(decision.decidingUnitId);
  for (const a of awards) for (const id of [a.grassrootsUnionId, a.unionId, a.federationId]) if (id) ids.add(id);
  const units: Record<string, { name: string; federationId?: string | null; unionId?: string | null }> = {};
  await Promise.all(
    [...ids].map(async (id) => {
      const u = await dp.orgUnit(id).catch(() => null);
      if (u) units[id] = u as never;
    }),
  );
  const issuerUnit = decision.decidingUnitId ? units[decision.decidingUnitId] : undefined;
  const parentId = issuerUnit ? (issuerUnit.unionId ?? issuerUnit.federationId ?? null) : null;
  const parent = parentId && parentId !== decision.decidingUnitId ? (units[parentId]?.name ?? (await dp.orgUnit(parentId).catch(() => null))?.name ?? null) : null;
  const ctx: DecisionContext = {
    issuer: issuerUnit?.name ?? null,
    parent,
    units: Object.fromEntries(Object.entries(units).map(([id, u]) => [id, u.name])),
  };
  return { awards, ctx };
}

/** Downloads the decision's PDF (Quyết định khen thưởng): the same paper from an award's page and from the decision's. */
export const downloadDecision = (awards: DecisionAward[], ctx: DecisionContext) =>
  downloadPdf(decisionDocument(awards, ctx), fileName('Quyet-dinh', String(awards[0].decisionNumber)));

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
      const { awards, ctx } = await loadDecision(dp, decisionRefOf(record), withSigner);
      if (what === 'decision') {
        await downloadDecision(awards, ctx);
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
