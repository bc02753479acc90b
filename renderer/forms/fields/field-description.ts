// The id and ARIA attributes a field's input takes from the shell around it.

import { createContext, useContext } from 'react';

export interface FieldDescriptionValue {
  readonly id: string;
  readonly describedBy?: string;
  readonly invalid: boolean;
  readonly required: boolean;
}

export const FieldDescription = createContext<FieldDescriptionValue | null>(null);

/** Returns the props that tie an input to its shell: id, aria-describedby, aria-invalid, aria-required. */
export function useFieldInputProps(): { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; 'aria-required'?: boolean } {
  const value = useContext(FieldDescription);
  if (!value) return {};
  return { id: value.id, 'aria-describedby': value.describedBy, 'aria-invalid': value.invalid || undefined, 'aria-required': value.required || undefined };
}
