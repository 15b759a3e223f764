/**
 * The form format: an interview instrument as data (`forms/<form-id>/v<N>.json`). This zod
 * schema is the single source of truth: the TypeScript types, the JSON Schema in
 * docs/form-format.schema.json and the loader's checks all come from it.
 */
import { z } from 'zod';

/** Every text a person reads exists in French and English. */
export const textSchema = z.object({ fr: z.string(), en: z.string() }).strict();
export type Text = z.infer<typeof textSchema>;

/** Question and choice-list names: stable identifiers that exports and expressions use. */
export const nameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a letter or _, then letters, digits or _ (64 at most)')
  // Answers are kept by name: these would reach an object's prototype.
  .refine((name) => name !== '__proto__' && name !== 'constructor' && name !== 'prototype', 'not __proto__, constructor or prototype');

/** An expression in XLSForm syntax: `${name}`, `and`, `or`, `not()`, `selected()`… */
const expression = z.string().min(1).max(4000);

export const choiceSchema = z
  .object({
    value: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . or - (64 at most)'),
    label: textSchema,
    /** Extra columns that a choice filter may test, as in XLSForm's choices sheet. */
    attributes: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type Choice = z.infer<typeof choiceSchema>;

const choicesRef = z.union([nameSchema, z.array(choiceSchema).min(1)]);

const common = {
  name: nameSchema,
  label: textSchema,
  hint: textSchema.optional(),
  /** Shown only when this holds (skip logic). */
  relevant: expression.optional(),
  /** `true`, or an expression for a conditional requirement. */
  required: z.union([z.boolean(), expression]).optional(),
  requiredMessage: textSchema.optional(),
  /** Must hold for the answer to be accepted; `.` is the answer itself. */
  constraint: expression.optional(),
  constraintMessage: textSchema.optional(),
  /** Never printed in reports for funders (e.g. the interviewer's own observations). */
  confidential: z.boolean().optional(),
};

const textQuestion = z.object({ ...common, type: z.literal('text'), maxLength: z.number().int().positive().max(10_000).optional() }).strict();
const longTextQuestion = z
  .object({
    ...common,
    type: z.literal('long-text'),
    /** Offer a field for the researcher's rendering in the other language (default true). */
    translatable: z.boolean().optional(),
  })
  .strict();
const numberBounds = { min: z.number().optional(), max: z.number().optional() };
const integerQuestion = z.object({ ...common, type: z.literal('integer'), ...numberBounds }).strict();
const decimalQuestion = z.object({ ...common, type: z.literal('decimal'), ...numberBounds }).strict();
const dateQuestion = z.object({ ...common, type: z.literal('date') }).strict();
const choiceOptions = {
  choices: choicesRef,
  /** Keeps the choices for which this holds; bare names refer to the choice's attributes. */
  choiceFilter: expression.optional(),
  /** Adds an "Other" choice and a text to specify it, stored as `<name>_other`. */
  other: z.boolean().optional(),
};
const singleChoiceQuestion = z.object({ ...common, type: z.literal('single-choice'), ...choiceOptions }).strict();
const multipleChoiceQuestion = z.object({ ...common, type: z.literal('multiple-choice'), ...choiceOptions }).strict();
const likertQuestion = z.object({ ...common, type: z.literal('likert5') }).strict();
const rankingQuestion = z
  .object({ ...common, type: z.literal('ranking'), choices: choicesRef, rank: z.number().int().min(1).max(20) })
  .strict();

export const matrixItemSchema = z
  .object({ name: nameSchema, label: textSchema, relevant: expression.optional(), required: z.union([z.boolean(), expression]).optional() })
  .strict();
/** One scale over several items; each item is answered (and exported) under its own name. */
const matrixQuestion = z
  .object({ ...common, type: z.literal('matrix'), scale: z.literal('likert5'), items: z.array(matrixItemSchema).min(1) })
  .strict();
const noteQuestion = z.object({ ...common, type: z.literal('note') }).strict();
const calculateQuestion = z
  .object({
    ...common,
    type: z.literal('calculate'),
    calculation: expression,
    /** Shown to the researcher as a read-only value; otherwise computed silently. */
    show: z.boolean().optional(),
    /** An index that feeds the dashboard and the funders' report. */
    index: z.boolean().optional(),
    decimals: z.number().int().min(0).max(6).optional(),
  })
  .strict();

const simpleQuestions = [
  textQuestion,
  longTextQuestion,
  integerQuestion,
  decimalQuestion,
  dateQuestion,
  singleChoiceQuestion,
  multipleChoiceQuestion,
  likertQuestion,
  rankingQuestion,
  matrixQuestion,
  noteQuestion,
  calculateQuestion,
] as const;

export const simpleQuestionSchema = z.discriminatedUnion('type', simpleQuestions);
export type SimpleQuestion = z.infer<typeof simpleQuestionSchema>;

/** A group asked once per item (e.g. each partner of section L); no repeat inside a repeat. */
const repeatQuestion = z
  .object({
    ...common,
    type: z.literal('repeat'),
    addLabel: textSchema,
    itemLabel: textSchema,
    questions: z.array(simpleQuestionSchema).min(1),
    minCount: z.number().int().min(0).optional(),
    maxCount: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const questionSchema = z.discriminatedUnion('type', [...simpleQuestions, repeatQuestion]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type RepeatQuestion = z.infer<typeof repeatQuestion>;
export type MatrixQuestion = z.infer<typeof matrixQuestion>;
export const questionTypes = questionSchema.options.map((o) => o.shape.type.value);

export const sectionSchema = z
  .object({
    name: nameSchema,
    title: textSchema,
    description: textSchema.optional(),
    relevant: expression.optional(),
    questions: z.array(questionSchema),
  })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

export const formSchema = z
  .object({
    format: z.literal('maillage-form'),
    formatVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and -'),
    version: z.number().int().min(1),
    title: textSchema,
    description: textSchema.optional(),
    choiceLists: z.record(nameSchema, z.array(choiceSchema).min(1)).optional(),
    /**
     * Informed consent: the sections after `section` stay locked until `question` has `value`.
     * Withdrawing later erases the interview's content.
     */
    consent: z.object({ section: nameSchema, question: nameSchema, value: z.string() }).strict().optional(),
    /**
     * Which answers fill the interview's summary (the list's columns and search): e.g.
     * `"firmName": "c_firm_name"`. Top-level questions only.
     */
    summary: z
      .object({
        interviewer: nameSchema,
        interviewDate: nameSchema,
        commune: nameSchema,
        firmName: nameSchema,
        networkName: nameSchema,
        territory: nameSchema,
      })
      .partial()
      .strict()
      .optional(),
    sections: z.array(sectionSchema).min(1),
  })
  .strict();
export type SummaryField = keyof NonNullable<FormDefinition['summary']>;
export type FormDefinition = z.infer<typeof formSchema>;
