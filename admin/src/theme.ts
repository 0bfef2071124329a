import { defaultTheme } from 'react-admin';
import { deepmerge } from '@mui/utils';

/** The union's red, readable tables. */
export const theme = deepmerge(defaultTheme, {
  palette: {
    primary: { main: '#b71c1c' },
    secondary: { main: '#1565c0' },
  },
  components: {
    // A table wider than the screen scrolls in its own box, never the page (phones: lists use SimpleList).
    RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-headerCell': { fontWeight: 600 }, '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } } } },
  },
});
