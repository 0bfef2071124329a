import { useEffect, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { LEVEL_RESOURCE } from '../providers/resources';

export interface UnitOption {
  id: string;
  name: string;
  level: keyof typeof LEVEL_RESOURCE;
}

const LEVELS = ['FEDERATION', 'UNION', 'GRASSROOTS', 'TEAM'] as const;

/**
 * Any unit of the caller's scope, whatever its level (a grassroots union directly under a
 * federation included), found by its name without diacritics; empty is the whole scope.
 */
export const UnitPicker = ({ value, onChange, scopeLabel }: { value: UnitOption | null; onChange: (u: UnitOption | null) => void; scopeLabel: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(input.trim()), 250);
    return () => clearTimeout(t);
  }, [input]);
  const { data = [], isFetching } = useQuery({
    queryKey: ['figures-units', q],
    queryFn: async () => {
      const lists = await Promise.all(
        LEVELS.map((level) =>
          dataProvider
            .getList(LEVEL_RESOURCE[level], { filter: q ? { q } : {}, pagination: { page: 1, perPage: 25 }, sort: { field: 'name', order: 'ASC' } })
            .then((r) => r.data.map((u) => ({ id: String(u.id), name: String(u.name), level })))
            .catch(() => [] as UnitOption[]),
        ),
      );
      return lists.flat();
    },
    staleTime: 60_000,
  });
  return (
    <Autocomplete
      sx={{ minWidth: { xs: '100%', sm: 360 }, flex: { xs: '1 1 100%', sm: '0 1 420px' } }}
      options={data}
      value={value}
      loading={isFetching}
      filterOptions={(x) => x}
      groupBy={(o) => translate(`cd.enums.OrgLevel.${o.level}`)}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      onChange={(_e, v) => onChange(v)}
      onInputChange={(_e, v, reason) => reason === 'input' && setInput(v)}
      noOptionsText={translate('ra.navigation.no_results')}
      renderInput={(params) => (
        <TextField {...params} label={translate('cd.figures.unit')} placeholder={scopeLabel}
          size="small"
          data-testid="figures-unit"
          slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps.inputLabel, shrink: true } }}
        />
      )}
    />
  );
};
