import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import KeyIcon from '@mui/icons-material/Key';
import { Confirm, Title, useNotify, useTranslate } from 'react-admin';
import { gqlRequest } from '../providers/graphql';
import { API_TOKENS, CREATE_API_TOKEN, REVOKE_API_TOKEN } from '../providers/operations';
import { formatDateTime } from '../common/format';

/**
 * "Khóa truy cập API": the signed-in account's personal API tokens (issue 11). Lists them, makes a
 * new one (its secret shown once, in a dialog, to copy: the server keeps only a hash), revokes
 * one. Every account has this page (user menu), and sees only its own tokens: the server's
 * allApiTokens answers nothing else.
 */
export interface ApiTokenRow {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

/** The lifetimes offered (days); the server allows 1 to 365, 90 by default. */
export const LIFETIMES = [30, 90, 180, 365] as const;

export const isExpiredToken = (t: Pick<ApiTokenRow, 'expiresAt'>, now = Date.now()) => Date.parse(t.expiresAt) <= now;

/** Copies text; answers whether it worked (the clipboard API needs https or localhost). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The new token, once: to copy now, never shown again. */
const SecretDialog = ({ secret, onClose }: { secret: { token: string; name: string } | null; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Dialog open={!!secret} onClose={onClose} maxWidth="sm" fullWidth data-testid="api-token-secret">
      <DialogTitle>{translate('cd.api_tokens.created_title', { name: secret?.name ?? '' })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('cd.api_tokens.copy_once')}
        </Alert>
        <TextField
          value={secret?.token ?? ''}
          fullWidth
          slotProps={{ input: { readOnly: true, sx: { fontFamily: 'monospace' } }, htmlInput: { 'data-testid': 'api-token-value' } }}
          onFocus={(e) => e.target.select()}
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('cd.api_tokens.usage')}
        </Typography>
        <Box component="pre" sx={{ bgcolor: 'action.hover', p: 1, borderRadius: 1, fontSize: 12, overflowX: 'auto' }}>
          {`curl -H "Authorization: Bearer ${secret?.token.slice(0, 8) ?? ''}…" \\\n  -H "Content-Type: application/json" \\\n  -d '{"query":"{ me { username } }"}' ${window.location.origin}/graphql`}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button
          startIcon={<ContentCopyIcon />}
          onClick={async () => notify((await copy(secret!.token)) ? 'cd.api_tokens.copied' : 'cd.api_tokens.copy_failed', { type: 'info' })}
        >
          {translate('cd.api_tokens.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate('cd.api_tokens.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export const ApiTokensPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [tokens, setTokens] = useState<ApiTokenRow[] | null>(null);
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(90);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ token: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenRow | null>(null);

  const load = useCallback(async () => {
    try {
      setTokens((await gqlRequest(API_TOKENS, {})).allApiTokens);
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  }, [notify]);
  useEffect(() => void load(), [load]);

  const create = async () => {
    setBusy(true);
    try {
      const r = await gqlRequest(CREATE_API_TOKEN, { name: name.trim(), days });
      setSecret({ token: r.createApiToken.token, name: r.createApiToken.apiToken.name });
      setName('');
      await load();
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    const t = revoking;
    setRevoking(null);
    if (!t) return;
    try {
      await gqlRequest(REVOKE_API_TOKEN, { id: t.id });
      notify('cd.api_tokens.revoked', { type: 'info', messageArgs: { name: t.name } });
      await load();
    } catch (e: any) {
      notify(e?.message ?? 'ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 960 }} data-testid="api-tokens">
      <Title title="cd.api_tokens.title" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('cd.api_tokens.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('cd.api_tokens.intro')}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
            <TextField
              label={translate('cd.api_tokens.name')}
              helperText={translate('cd.api_tokens.name_help')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              size="small"
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'api-token-name' } }}
            />
            <TextField select label={translate('cd.api_tokens.lifetime')} value={days} onChange={(e) => setDays(Number(e.target.value))} size="small" sx={{ minWidth: 160 }}>
              {LIFETIMES.map((d) => (
                <MenuItem key={d} value={d}>
                  {translate('cd.api_tokens.days', { smart_count: d })}
                </MenuItem>
              ))}
            </TextField>
            <Button variant="contained" startIcon={<KeyIcon />} disabled={busy || !name.trim()} onClick={create} data-testid="api-token-create">
              {translate('cd.api_tokens.create')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      <Card>
        {tokens && tokens.length === 0 ? (
          <CardContent>
            <Typography color="text.secondary">{translate('cd.api_tokens.empty')}</Typography>
          </CardContent>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('cd.api_tokens.name')}</TableCell>
                <TableCell>{translate('cd.api_tokens.created')}</TableCell>
                <TableCell>{translate('cd.api_tokens.expires')}</TableCell>
                <TableCell>{translate('cd.api_tokens.last_used')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(tokens ?? []).map((t) => (
                <TableRow key={t.id} data-testid="api-token-row">
                  <TableCell>{t.name}</TableCell>
                  <TableCell>{formatDateTime(t.createdAt)}</TableCell>
                  <TableCell>
                    {formatDateTime(t.expiresAt)}{' '}
                    {isExpiredToken(t) && <Chip size="small" color="warning" label={translate('cd.api_tokens.expired')} />}
                  </TableCell>
                  <TableCell>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : translate('cd.api_tokens.never')}</TableCell>
                  <TableCell align="right">
                    <Button size="small" color="error" onClick={() => setRevoking(t)}>
                      {translate('cd.api_tokens.revoke')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
      <Confirm
        isOpen={!!revoking}
        title="cd.api_tokens.revoke_title"
        content="cd.api_tokens.revoke_content"
        translateOptions={{ name: revoking?.name ?? '' }}
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      />
    </Box>
  );
};
