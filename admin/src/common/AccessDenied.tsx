import { Alert, Box, Button } from '@mui/material';
import { Link } from 'react-router-dom';
import { CanAccess, Title, useTranslate } from 'react-admin';
import type { ReactNode } from 'react';
import type { CanAccessParams } from '../providers/canAccess';

/** A page the account may not use, reached by its address: said so, with the way home. */
export const AccessDenied = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 3, maxWidth: 720 }} data-testid="access-denied">
      <Title title="cd.access_denied.title" />
      <Alert severity="warning" action={<Button component={Link} to="/" color="inherit" size="small">{translate('cd.access_denied.home')}</Button>}>
        {translate('cd.access_denied.message')}
      </Alert>
    </Box>
  );
};

/** A custom page guarded by the same rule as its menu entry (canAccess), not only hidden from the menu. */
export const Guarded = ({ access, children }: { access: CanAccessParams; children: ReactNode }) => (
  <CanAccess resource={access.resource} action={access.action} accessDenied={<AccessDenied />}>
    {children}
  </CanAccess>
);
