/** The fields of the first slice of an interview, in the order a researcher fills them. */
import { useTranslation } from 'react-i18next';
import {
  requiredInterviewFields,
  respondentRoles,
  type FieldProblems,
  type InterviewField,
  type InterviewInput,
} from '../../../../core/records/interview';
import { FieldFrame } from '../../ui/text-field';
import { problemMessage } from './messages';

type TextField = 'respondentName' | 'firmName' | 'commune' | 'networkName' | 'interviewer';

const autoComplete: Record<TextField, string> = {
  respondentName: 'off',
  firmName: 'off',
  commune: 'off',
  networkName: 'off',
  interviewer: 'name',
};

export interface InterviewFieldsProps {
  readonly input: InterviewInput;
  readonly problems: FieldProblems;
  readonly onChange: (field: InterviewField, value: string) => void;
}

export function InterviewFieldset({ input, problems, onChange }: InterviewFieldsProps) {
  const { t, i18n } = useTranslation();
  const error = (field: InterviewField) => {
    const problem = problems[field];
    return problem ? problemMessage(t, i18n.language, problem) : undefined;
  };
  const hint = (field: InterviewField) =>
    field === 'networkName' || field === 'interviewDate' ? t(`interview.hints.${field}`) : undefined;

  const textInput = (field: TextField) => (
    <FieldFrame
      key={field}
      label={t(`interview.fields.${field}`)}
      required={requiredInterviewFields.has(field)}
      requiredLabel={t('interview.required')}
      hint={hint(field)}
      error={error(field)}
    >
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          name={field}
          type="text"
          value={input[field] ?? ''}
          autoComplete={autoComplete[field]}
          required={requiredInterviewFields.has(field)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => { onChange(field, event.target.value); }}
        />
      )}
    </FieldFrame>
  );

  return (
    <div className="field-grid">
      {textInput('respondentName')}
      <FieldFrame label={t('interview.fields.respondentRole')} requiredLabel={t('interview.required')} error={error('respondentRole')}>
        {({ inputId, describedBy, invalid }) => (
          <select
            id={inputId}
            name="respondentRole"
            value={input.respondentRole ?? ''}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => { onChange('respondentRole', event.target.value); }}
          >
            <option value="">{t('interview.roles.none')}</option>
            {respondentRoles.map((role) => (
              <option key={role} value={role}>{t(`interview.roles.${role}`)}</option>
            ))}
          </select>
        )}
      </FieldFrame>
      {textInput('firmName')}
      {textInput('commune')}
      {textInput('networkName')}
      <FieldFrame
        label={t('interview.fields.interviewDate')}
        required
        requiredLabel={t('interview.required')}
        hint={hint('interviewDate')}
        error={error('interviewDate')}
      >
        {({ inputId, describedBy, invalid }) => (
          <input
            id={inputId}
            name="interviewDate"
            type="date"
            value={input.interviewDate ?? ''}
            required
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => { onChange('interviewDate', event.target.value); }}
          />
        )}
      </FieldFrame>
      {textInput('interviewer')}
    </div>
  );
}
