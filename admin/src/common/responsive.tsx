import type { ReactElement, ReactNode } from 'react';
import { Box, Stack, type Theme, useMediaQuery } from '@mui/material';
import { SimpleList, type SimpleListProps } from 'react-admin';

/** A phone-sized screen (below MUI's `sm`, 600 px), as react-admin's demo decides between SimpleList and Datagrid. */
export const useIsPhone = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));

/**
 * A list's rows: the desktop table (`children`, a Datagrid) or, on a phone, react-admin's
 * SimpleList (one line of name, a line of details, a corner note), never wider than the screen.
 */
export const ResponsiveRows = ({ children, ...phone }: SimpleListProps & { children: ReactElement }) =>
  useIsPhone() ? (
    <Box data-testid="phone-list">
      <SimpleList rowClick="show" {...phone} />
    </Box>
  ) : (
    children
  );

/** Fields side by side in a SimpleList line, separated by a dot. */
export const Line = ({ children }: { children: ReactNode }) => (
  <Stack
    component="span"
    direction="row"
    sx={{ flexWrap: 'wrap', columnGap: 0.75, rowGap: 0.25, alignItems: 'center', '& > *:not(:last-child)::after': { content: '"·"', ml: 0.75, color: 'text.secondary' } }}
  >
    {children}
  </Stack>
);

/** A table that may be wider than a phone scrolls inside its own box, never the page. */
export const Scroll = ({ children }: { children: ReactNode }) => <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>{children}</Box>;

/** The corner note of a SimpleList row (a status chip), kept off the name. */
export const Tail = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ ml: 1, display: 'inline-block' }}>
    {children}
  </Box>
);
