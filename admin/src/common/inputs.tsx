import { TextInput, type TextInputProps, useTranslate } from 'react-admin';
import { formatDate, parseVnDate } from './format';

/**
 * A date typed as dd/mm/yyyy (how Vietnamese forms write dates), stored as the ISO yyyy-mm-dd
 * that the API takes. What cannot be read as a date stays as typed and fails validation.
 */
export const DateTextInput = (props: TextInputProps) => {
  const translate = useTranslate();
  const validateDate = (value: unknown) => {
    if (value == null || value === '') return undefined;
    if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return undefined;
    // Written as a date but not one of the calendar (31/02/1990): say so, not "use dd/mm/yyyy".
    return /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$/.test(String(value)) ? 'cd.errors.not_a_date' : 'cd.errors.date_format';
  };
  const validate = [validateDate, ...(Array.isArray(props.validate) ? props.validate : props.validate ? [props.validate] : [])];
  return (
    <TextInput
      {...props}
      validate={validate}
      placeholder={translate('cd.common.date_placeholder')}
      format={(v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : ((v as string) ?? ''))}
      parse={(text: string) => (text === '' ? null : (parseVnDate(text) ?? text))}
    />
  );
};
