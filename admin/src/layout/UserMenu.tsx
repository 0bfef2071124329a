import { forwardRef } from 'react';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import TerminalIcon from '@mui/icons-material/Terminal';
import { Link } from 'react-router-dom';
import { Logout, UserMenu, useTranslate, useUserMenu } from 'react-admin';

/** The account's own pages: its personal API tokens ("Khóa truy cập API"). */
const ApiTokensItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem ref={ref} {...props} component={Link} to="/api-tokens" onClick={menu?.onClose} data-testid="menu-api-tokens">
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('cd.api_tokens.menu')}</ListItemText>
    </MenuItem>
  );
});

/** GraphiQL: a page of its own, in the same tab (it reads this tab's session). */
const GraphiqlItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  return (
    <MenuItem ref={ref} {...props} component="a" href="/graphiql" data-testid="menu-graphiql">
      <ListItemIcon>
        <TerminalIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('cd.api_tokens.graphiql')}</ListItemText>
    </MenuItem>
  );
});

/** The app bar's account menu, for every signed-in account. */
export const AppUserMenu = () => (
  <UserMenu>
    <ApiTokensItem />
    <GraphiqlItem />
    <Logout />
  </UserMenu>
);
