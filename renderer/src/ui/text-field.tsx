/** A labelled form field with its hint and its error, wired for assistive technology. */
import { useId, type ReactNode } from 'react';

export interface FieldFrameProps {
  readonly label: string;
  readonly required?: boolean;
  readonly requiredLabel: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

export function FieldFrame({ label, required = false, requiredLabel, hint, error, children }: FieldFrameProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>
        {label}
        {required && (
          <span className="required-mark" title={requiredLabel}>
            {' *'}
            <span className="visually-hidden">({requiredLabel})</span>
          </span>
        )}
      </label>
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {error && <p id={errorId} className="field-error">{error}</p>}
    </div>
  );
}
