import { defaultTheme } from 'react-admin';
import { deepmerge } from '@mui/utils';

/** The union's red, readable tables. */
export const theme = deepmerge(defaultTheme, {
  palette: {
    primary: { main: '#b71c1c' },
    secondary: { main: '#1565c0' },
  },
  components: {
    RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-headerCell': { fontWeight: 600 } } } },
  },
});
