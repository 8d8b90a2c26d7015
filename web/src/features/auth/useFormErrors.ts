import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http.js';
import { errorText } from '../../components/ErrorNotice.js';

/**
 * Server refusals shown where they belong: a problem naming a field goes under that field,
 * anything else above the submit button.
 */
export function useFormErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<{ form: string | null; fields: Record<string, string> }>({ form: null, fields: {} });
  return {
    form: errors.form,
    field: (name: string) => errors.fields[name] ?? null,
    clear: () => setErrors({ form: null, fields: {} }),
    setField: (name: string, message: string) => setErrors((e) => ({ ...e, fields: { ...e.fields, [name]: message } })),
    fromError: (error: unknown, knownFields: string[]) => {
      const message = errorText(error, t);
      if (error instanceof ApiError && error.field) {
        const field = knownFields.find((f) => error.field === f || error.field?.startsWith(`${f}.`) || error.field?.startsWith(`${f}[`));
        if (field) {
          setErrors({ form: null, fields: { [field]: message } });
          return;
        }
      }
      setErrors({ form: message, fields: {} });
    },
  };
}
