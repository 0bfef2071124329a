import { Box, Typography } from '@mui/material';
import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import EditIcon from '@mui/icons-material/Edit';
import SendIcon from '@mui/icons-material/Send';
import ThumbUpIcon from '@mui/icons-material/ThumbUp';
import ThumbDownIcon from '@mui/icons-material/ThumbDown';
import UndoIcon from '@mui/icons-material/Undo';
import BlockIcon from '@mui/icons-material/Block';
import GavelIcon from '@mui/icons-material/Gavel';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';

const STYLE: Record<string, { icon: React.ReactElement; color: string }> = {
  CREATE: { icon: <AddCircleOutlineIcon fontSize="small" />, color: '#757575' },
  EDIT: { icon: <EditIcon fontSize="small" />, color: '#757575' },
  SUBMIT: { icon: <SendIcon fontSize="small" />, color: '#1565c0' },
  APPROVE: { icon: <ThumbUpIcon fontSize="small" />, color: '#2e7d32' },
  CONFEDERATION_APPROVE: { icon: <GavelIcon fontSize="small" />, color: '#2e7d32' },
  REJECT: { icon: <ThumbDownIcon fontSize="small" />, color: '#c62828' },
  CONFEDERATION_REJECT: { icon: <GavelIcon fontSize="small" />, color: '#c62828' },
  RETURN: { icon: <UndoIcon fontSize="small" />, color: '#ef6c00' },
  WITHDRAW: { icon: <BlockIcon fontSize="small" />, color: '#616161' },
};

export interface NominationEvent {
  id: string;
  action: string;
  actorName?: string | null;
  at: string;
  comment?: string | null;
  fromStatus?: string | null;
  toStatus: string;
  level?: string | null;
}

/** The review history of a nomination as a timeline, oldest first: who did what, at which level, and why. */
export const ReviewTimeline = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const events: NominationEvent[] = record?.history ?? [];
  if (!events.length) return <Typography variant="body2" color="text.secondary">{translate('resources.nominations.timeline.empty')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="review-timeline">
      {events.map((e, i) => {
        const s = STYLE[e.action] ?? STYLE.EDIT;
        const last = i === events.length - 1;
        return (
          <Box component="li" key={e.id} sx={{ display: 'flex', gap: 2 }}>
            <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
              <Box sx={{ width: 32, height: 32, borderRadius: '50%', bgcolor: s.color, color: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'center', flexShrink: 0 }}>
                {s.icon}
              </Box>
              {!last && <Box sx={{ width: 2, flex: 1, minHeight: 16, bgcolor: 'divider' }} />}
            </Box>
            <Box sx={{ pb: last ? 0 : 2.5, pt: 0.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {translate(`cd.enums.NominationAction.${e.action}`, { _: e.action })}
                {e.level && (
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' · '}
                    {translate('resources.nominations.timeline.at_level', { level: translate(`cd.enums.OrgLevel.${e.level}`, { _: e.level }) })}
                  </Typography>
                )}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {formatDateTime(e.at)}
                {e.actorName ? ` · ${translate('resources.nominations.timeline.by', { name: e.actorName })}` : ''}
                {' · '}
                {translate(`cd.enums.NominationStatus.${e.toStatus}`, { _: e.toStatus })}
              </Typography>
              {e.comment && (
                <Typography variant="body2" sx={{ mt: 0.5, px: 1.5, py: 0.75, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap' }}>
                  {e.comment}
                </Typography>
              )}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};
