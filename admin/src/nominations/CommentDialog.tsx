import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The comment of a decision. Rejecting or returning always needs one: the nominating unit reads
 * it to know why, and the review history keeps it.
 */
export const CommentDialog = ({
  open,
  title,
  count = 1,
  helper,
  confirmLabel,
  confirmColor = 'primary',
  loading = false,
  required = true,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  count?: number;
  helper?: string;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'warning' | 'success';
  loading?: boolean;
  required?: boolean;
  onConfirm: (comment: string) => void;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (open) {
      setComment('');
      setTouched(false);
    }
  }, [open]);
  const missing = required && !comment.trim();
  const submit = () => {
    setTouched(true);
    if (!missing) onConfirm(comment.trim());
  };
  return (
    <Dialog open={open} onClose={loading ? undefined : onClose} fullWidth maxWidth="sm" data-testid="comment-dialog">
      <DialogTitle>{translate(title, { smart_count: count })}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          margin="dense"
          name="comment"
          label={translate('resources.nominations.dialog.comment')}
          required={required}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && missing}
          helperText={touched && missing ? translate('resources.nominations.dialog.comment_required') : helper ? translate(helper) : ' '}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={loading}>
          {translate('ra.action.cancel')}
        </Button>
        <Button onClick={submit} variant="contained" color={confirmColor} disabled={loading} data-testid="confirm-decision">
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
