import { useState } from 'react';
import SendIcon from '@mui/icons-material/Send';
import BlockIcon from '@mui/icons-material/Block';
import GavelIcon from '@mui/icons-material/Gavel';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { parseVnDate } from '../common/format';
import { useSessionUser } from '../common/hooks';
import { canAccess } from '../providers/canAccess';
import type { CongDoanDataProvider } from '../providers/dataProvider';
import { usePendingDecision } from './pendingDecisions';

function useWorkflow<T>(fn: (dp: CongDoanDataProvider) => Promise<T>, success: string | ((result: T) => string)) {
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fn(dataProvider),
    onSuccess: (result) => {
      notify(typeof success === 'function' ? success(result) : success, { type: 'info', autoHideDuration: 8000 });
      queryClient.invalidateQueries({ queryKey: ['nominations'] });
      refresh();
    },
    onError: (e: any) => {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error', autoHideDuration: 10000 });
      refresh();
    },
  });
}

/** Sends a draft (or a returned nomination) up the chain. */
export const SubmitButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const user = useSessionUser();
  const pending = usePendingDecision(record);
  // Where it waits now: at the proposer's own level (a grassroots union deciding its own title, a
  // federation's own proposal), a second account of that level reviews it (four eyes); else the level above.
  const m = useWorkflow(
    (dp) => dp.submitNomination(String(record!.id)),
    (n: any) => (n?.currentLevel && user?.reviewLevel === n.currentLevel ? 'resources.nominations.notification.submitted_own_level' : 'resources.nominations.notification.submitted'),
  );
  if (!record || !canAccess(user, { resource: 'nominations', action: 'submit', record })) return null;
  return (
    <MuiButton variant="contained" size="small" startIcon={<SendIcon />} onClick={() => m.mutate()} disabled={m.isPending || !!pending}>
      {translate('resources.nominations.action.submit')}
    </MuiButton>
  );
};

/** Withdraws a nomination (kept on record as WITHDRAWN), after a confirmation. */
export const WithdrawButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const user = useSessionUser();
  const [open, setOpen] = useState(false);
  const pending = usePendingDecision(record);
  const m = useWorkflow((dp) => dp.withdrawNomination(String(record!.id)), 'resources.nominations.notification.withdrawn');
  if (!record || !canAccess(user, { resource: 'nominations', action: 'withdraw', record })) return null;
  return (
    <>
      <MuiButton
        variant="outlined"
        size="small"
        color="inherit"
        startIcon={<BlockIcon />}
        onClick={() => setOpen(true)}
        disabled={m.isPending || !!pending}
        data-testid="withdraw-button"
      >
        {translate('resources.nominations.action.withdraw')}
      </MuiButton>
      <Confirm
        isOpen={open}
        title="resources.nominations.action.withdraw"
        content="ra.message.are_you_sure"
        onConfirm={() => {
          setOpen(false);
          m.mutate();
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** A federation admin records what the confederation decided on a FORWARDED nomination. */
export const ConfederationDecisionButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const user = useSessionUser();
  const [open, setOpen] = useState(false);
  const [approved, setApproved] = useState(true);
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decidedAt, setDecidedAt] = useState('');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const pending = usePendingDecision(record);
  const iso = decidedAt ? parseVnDate(decidedAt) : null;
  const m = useWorkflow(
    (dp) =>
      dp.recordConfederationDecision({
        id: String(record!.id),
        approved,
        decisionNumber: approved ? decisionNumber.trim() : undefined,
        decidedAt: iso ?? undefined,
        comment: comment.trim() || undefined,
      }),
    'resources.nominations.notification.recorded',
  );
  if (!record || !canAccess(user, { resource: 'nominations', action: 'recordConfederationDecision', record })) return null;
  const numberMissing = approved && !decisionNumber.trim();
  const dateBad = !!decidedAt && !iso;
  const submit = () => {
    setTouched(true);
    if (numberMissing || dateBad) return;
    setOpen(false);
    m.mutate();
  };
  return (
    <>
      <MuiButton variant="contained" size="small" startIcon={<GavelIcon />} onClick={() => setOpen(true)} disabled={m.isPending || !!pending}>
        {translate('resources.nominations.action.record_confederation')}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.nominations.action.record_confederation')}</DialogTitle>
        <DialogContent>
          <RadioGroup row value={approved ? 'yes' : 'no'} onChange={(e) => setApproved(e.target.value === 'yes')}>
            <FormControlLabel value="yes" control={<Radio />} label={translate('resources.nominations.dialog.approved')} />
            <FormControlLabel value="no" control={<Radio />} label={translate('cd.enums.NominationStatus.REJECTED')} />
          </RadioGroup>
          {approved && (
            <TextField
              fullWidth
              margin="dense"
              required
              label={translate('resources.nominations.dialog.decision_number')}
              value={decisionNumber}
              onChange={(e) => setDecisionNumber(e.target.value)}
              error={touched && numberMissing}
              helperText={touched && numberMissing ? translate('ra.validation.required') : ' '}
            />
          )}
          <TextField
            fullWidth
            margin="dense"
            label={translate('resources.nominations.dialog.decided_at')}
            placeholder={translate('cd.common.date_placeholder')}
            value={decidedAt}
            onChange={(e) => setDecidedAt(e.target.value)}
            error={touched && dateBad}
            helperText={touched && dateBad ? translate('cd.errors.date_format') : ' '}
          />
          <TextField fullWidth multiline minRows={2} margin="dense" label={translate('resources.nominations.dialog.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={submit}>{translate('ra.action.confirm')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
