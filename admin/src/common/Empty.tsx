import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** What a table without rows says. */
export const Empty = ({ message = 'cd.common.empty' }: { message?: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate(message)}
    </Typography>
  );
};
