import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { AutocompleteInput, ReferenceInput, required, SelectInput } from 'react-admin';
import { LEVEL_RESOURCE } from '../providers/resources';
import { enumChoices, UNIT_LEVELS, useOrgUnit } from './fields';

/**
 * A unit of any level (one id space): the level first (a form-only field), then the unit of that
 * level. Starts at the level of the unit already chosen.
 */
export const UnitOfLevel = ({
  source,
  levelSource,
  required: isRequired,
  label,
  helperText,
  readOnly,
  levels = UNIT_LEVELS,
  levelLabel,
}: {
  source: string;
  levelSource: string;
  required?: boolean;
  label?: string;
  helperText?: string;
  readOnly?: boolean;
  levels?: readonly string[];
  levelLabel?: string;
}) => {
  const level = useWatch({ name: levelSource });
  const id = useWatch({ name: source });
  const { setValue } = useFormContext();
  const current = useOrgUnit(id);
  useEffect(() => {
    if (!level && current.data?.level) setValue(levelSource, current.data.level);
  }, [level, current.data?.level, levelSource, setValue]);
  return (
    <>
      <SelectInput source={levelSource} choices={enumChoices('OrgLevel', levels)} validate={isRequired ? required() : undefined} label={levelLabel} readOnly={readOnly} />
      {level && (
        <ReferenceInput source={source} reference={LEVEL_RESOURCE[level]} key={level}>
          <AutocompleteInput
            optionText="name"
            filterToQuery={(q: string) => ({ q })}
            validate={isRequired ? required() : undefined}
            fullWidth
            label={label}
            helperText={helperText}
            readOnly={readOnly}
          />
        </ReferenceInput>
      )}
    </>
  );
};
