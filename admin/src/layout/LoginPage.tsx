import { Alert, Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';
import { peekLogoutReason } from '../providers/session';

/** Sign-in, with the reason the last session ended (expired) and the language switch. */
export const LoginPage = () => {
  const translate = useTranslate();
  const reason = peekLogoutReason();
  return (
    <Login
      avatarIcon={<Box component="img" src="/favicon.svg" alt="" sx={{ width: 40, height: 40 }} />}
      sx={{ backgroundImage: 'radial-gradient(circle at 50% 14em, #c62828 0%, #7f0000 60%, #4a0000 100%)' }}
    >
      <Box sx={{ px: 2, textAlign: 'center' }}>
        <Typography variant="h6" sx={{ fontWeight: 700 }}>{translate('cd.app.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('cd.app.subtitle')}</Typography>
      </Box>
      {reason && (
        <Alert severity="warning" sx={{ mx: 2, mt: 2 }} data-testid="session-expired">
          {translate(reason)}
        </Alert>
      )}
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
