import { useState } from 'react';
import ThumbUpIcon from '@mui/icons-material/ThumbUp';
import ThumbDownIcon from '@mui/icons-material/ThumbDown';
import UndoIcon from '@mui/icons-material/Undo';
import { Button as MuiButton, Chip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  useDataProvider,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
  useUpdateMany,
  type TranslateFunction,
} from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { useSessionUser } from '../common/hooks';
import { canReview } from '../providers/canAccess';
import type { CongDoanDataProvider, NominationResult, ReviewDecision } from '../providers/dataProvider';
import { ReviewBatchError } from '../providers/dataProvider';
import { wordBatchRow } from '../providers/errors';
import { CommentDialog } from './CommentDialog';
import { clearPending, markPending, usePendingDecision } from './pendingDecisions';

const NOTIFY_KEY: Record<ReviewDecision, string> = {
  APPROVE: 'resources.nominations.notification.approved',
  REJECT: 'resources.nominations.notification.rejected',
  RETURN: 'resources.nominations.notification.returned',
};

/**
 * A refused review in words: a lost race (CONFLICT: another reviewer moved it first) gets its own
 * clear message; anything else the data provider has worded already (providers/errors.ts).
 */
function errorMessage(e: any): string {
  if (e?.status === 409) return 'cd.errors.conflict';
  return e?.message ?? 'ra.notification.http_error';
}

/** One line for a batch: how many went through, and which did not and why. */
export function batchReport(translate: TranslateFunction, decision: ReviewDecision, results: NominationResult[]) {
  const ok = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  if (!failed.length) return { type: 'info' as const, text: translate(NOTIFY_KEY[decision], { smart_count: ok.length }) };
  for (const r of failed) console.info(`[server refused] #${r.id} ${r.code} ${r.rule ?? ''}: ${r.message}`);
  const details = failed
    .map((r) => (r.code === 'CONFLICT' ? translate('resources.nominations.notification.race', { id: r.id }) : wordBatchRow(translate, r)))
    .join('; ');
  return {
    type: ok.length ? ('warning' as const) : ('error' as const),
    text: translate('resources.nominations.notification.partial', { ok: ok.length, failed: failed.length, details }),
  };
}

/** Refetches everything that shows nominations, awards and figures after a decision. */
function useAfterDecision() {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: ['awaitingMyReview'] });
    queryClient.invalidateQueries({ queryKey: ['overview'] });
    refresh();
  };
}

/**
 * Approve one nomination, after the react-admin demo's AcceptButton: acts only on a nomination
 * the caller may review now, undoable for a few seconds, notifies on success and on failure.
 */
export const ApproveButton = ({ variant = 'outlined' }: { variant?: 'outlined' | 'contained' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const after = useAfterDecision();
  const user = useSessionUser();
  const pending = usePendingDecision(record);
  // onUndo is read by react-admin's undoable mutation (useMutationWithMutationMode) when passed to the hook.
  const [update, { isPending }] = useUpdate(undefined, undefined, { onUndo: (params: any) => clearPending([params.id]) } as any);
  if (!record || !user) return null;
  if (pending) return <Chip size="small" label={translate('resources.nominations.notification.pending_decision')} data-testid="pending-decision" />;
  if (!canReview(user, record)) return null;
  const approve = (e: React.MouseEvent) => {
    e.stopPropagation();
    // Every other button of this nomination is locked until the approval is undone or answered.
    markPending([record.id], 'APPROVE');
    update(
      'nominations',
      { id: record.id, data: { pendingDecision: 'APPROVE' }, previousData: record, meta: { review: { decision: 'APPROVE' } } },
      {
        mutationMode: 'undoable',
        onSuccess: () => notify(NOTIFY_KEY.APPROVE, { type: 'info', undoable: true, messageArgs: { smart_count: 1 } }),
        onError: (error: any) => {
          notify(errorMessage(error), { type: 'error' });
        },
        onSettled: () => {
          clearPending([record.id]);
          after();
        },
      },
    );
  };
  return (
    <MuiButton
      variant={variant}
      color="success"
      size="small"
      onClick={approve}
      disabled={isPending}
      startIcon={<ThumbUpIcon />}
      data-testid="approve-button"
    >
      {translate('resources.nominations.action.approve')}
    </MuiButton>
  );
};

/** Reject or return one nomination: a dialog asks for the (required) comment. */
const DecideWithCommentButton = ({ decision }: { decision: 'REJECT' | 'RETURN' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const after = useAfterDecision();
  const user = useSessionUser();
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const [open, setOpen] = useState(false);
  const pending = usePendingDecision(record);
  const mutation = useMutation({
    mutationFn: (comment: string) => {
      markPending([record!.id], decision);
      return dataProvider.reviewNomination({ id: String(record!.id), decision, comment, version: record!.version });
    },
    onSuccess: () => {
      setOpen(false);
      notify(NOTIFY_KEY[decision], { type: 'info', messageArgs: { smart_count: 1 } });
    },
    onError: (error: any) => {
      setOpen(false);
      notify(errorMessage(error), { type: 'error' });
    },
    onSettled: () => {
      clearPending([record!.id]);
      after();
    },
  });
  if (!record || !user || !canReview(user, record)) return null;
  const reject = decision === 'REJECT';
  return (
    <>
      <MuiButton
        variant="outlined"
        color={reject ? 'error' : 'warning'}
        size="small"
        startIcon={reject ? <ThumbDownIcon /> : <UndoIcon />}
        disabled={!!pending || mutation.isPending}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid={reject ? 'reject-button' : 'return-button'}
      >
        {translate(reject ? 'resources.nominations.action.reject' : 'resources.nominations.action.return')}
      </MuiButton>
      <span onClick={(e) => e.stopPropagation()}>
        <CommentDialog
          open={open}
          title={reject ? 'resources.nominations.dialog.reject_title' : 'resources.nominations.dialog.return_title'}
          helper={reject ? 'resources.nominations.dialog.comment_help_reject' : 'resources.nominations.dialog.comment_help_return'}
          confirmLabel={reject ? 'resources.nominations.action.reject' : 'resources.nominations.action.return'}
          confirmColor={reject ? 'error' : 'warning'}
          loading={mutation.isPending}
          onConfirm={(comment) => mutation.mutate(comment)}
          onClose={() => setOpen(false)}
        />
      </span>
    </>
  );
};

export const RejectButton = () => <DecideWithCommentButton decision="REJECT" />;
export const ReturnButton = () => <DecideWithCommentButton decision="RETURN" />;

/** The three decisions side by side. */
export const ReviewButtons = ({ variant }: { variant?: 'outlined' | 'contained' }) => (
  <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'nowrap', whiteSpace: 'nowrap' }}>
    <ApproveButton variant={variant} />
    <ReturnButton />
    <RejectButton />
  </span>
);

/** Approve the selected nominations, after the demo's BulkAcceptButton (undoable, one call for all). */
export const BulkApproveButton = () => {
  const { selectedIds, onUnselectItems } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const after = useAfterDecision();
  const [updateMany, { isPending }] = useUpdateMany(undefined, undefined, { onUndo: (params: any) => clearPending(params.ids) } as any);
  const approve = () => {
    const ids = [...selectedIds];
    // The rows are locked (no buttons, no checkbox) until the approval is undone or answered, and
    // the selection is cleared at once: this list's own selection (the desk keeps it under its storeKey).
    markPending(ids, 'APPROVE');
    onUnselectItems();
    updateMany(
      'nominations',
      { ids, data: { pendingDecision: 'APPROVE' }, meta: { review: { decision: 'APPROVE' } } },
      {
        mutationMode: 'undoable',
        onSuccess: () => {
          notify(NOTIFY_KEY.APPROVE, { type: 'info', undoable: true, messageArgs: { smart_count: ids.length } });
        },
        onError: (error: any) => {
          if (error instanceof ReviewBatchError) {
            const r = batchReport(translate, 'APPROVE', error.results);
            notify(r.text, { type: r.type, autoHideDuration: 10000 });
          } else notify(errorMessage(error), { type: 'error' });
        },
        onSettled: () => {
          clearPending(ids);
          after();
        },
      },
    );
  };
  return (
    <Button label="resources.nominations.action.approve" onClick={approve} disabled={isPending} color="success" data-testid="bulk-approve">
      <ThumbUpIcon />
    </Button>
  );
};

/** Reject or return the selected nominations with one comment; each outcome is reported. */
const BulkDecideWithComment = ({ decision }: { decision: 'REJECT' | 'RETURN' }) => {
  const { selectedIds, onUnselectItems } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const after = useAfterDecision();
  const dataProvider = useDataProvider<CongDoanDataProvider>();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: (comment: string) => {
      const ids = selectedIds.map(String);
      markPending(ids, decision);
      return dataProvider.reviewNominations({ ids, decision, comment }).finally(() => clearPending(ids));
    },
    onSuccess: (results) => {
      setOpen(false);
      const r = batchReport(translate, decision, results);
      notify(r.text, { type: r.type, autoHideDuration: r.type === 'info' ? 5000 : 10000 });
      onUnselectItems();
      after();
    },
    onError: (error: any) => {
      setOpen(false);
      notify(errorMessage(error), { type: 'error' });
      onUnselectItems();
      after();
    },
  });
  const reject = decision === 'REJECT';
  return (
    <>
      <Button
        label={reject ? 'resources.nominations.action.reject' : 'resources.nominations.action.return'}
        onClick={() => setOpen(true)}
        color={reject ? 'error' : 'warning'}
        data-testid={reject ? 'bulk-reject' : 'bulk-return'}
      >
        {reject ? <ThumbDownIcon /> : <UndoIcon />}
      </Button>
      <CommentDialog
        open={open}
        count={selectedIds.length}
        title={reject ? 'resources.nominations.dialog.reject_title' : 'resources.nominations.dialog.return_title'}
        helper={reject ? 'resources.nominations.dialog.comment_help_reject' : 'resources.nominations.dialog.comment_help_return'}
        confirmLabel={reject ? 'resources.nominations.action.reject' : 'resources.nominations.action.return'}
        confirmColor={reject ? 'error' : 'warning'}
        loading={mutation.isPending}
        onConfirm={(comment) => mutation.mutate(comment)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const BulkRejectButton = () => <BulkDecideWithComment decision="REJECT" />;
export const BulkReturnButton = () => <BulkDecideWithComment decision="RETURN" />;

export const BulkReviewButtons = () => (
  <>
    <BulkApproveButton />
    <BulkReturnButton />
    <BulkRejectButton />
  </>
);
