/**
 * Which questions a demo researcher sees while answers are drawn in the form's order: the form's
 * own relevance expressions, section conditions and consent lock, read over the answers drawn so
 * far. A hidden question is never drawn, so it reads as the empty answer, as in the engine. (The
 * engine itself checks every generated interview in the tests; it is too slow to run here for
 * 100,000 interviews.)
 */
import { answerAsValue, type Answers } from '../../forms/answers';
import type { Expr } from '../../forms/expressions/ast';
import { evaluate } from '../../forms/expressions/evaluate';
import { toBoolean, type Value } from '../../forms/expressions/values';
import type { CompiledForm, FormNode } from '../../forms/model';

export interface Relevance {
  /** True when the node is shown; `item` holds the answers of the repeat item it is asked in. */
  isShown(node: FormNode, item?: Answers): boolean;
}

export function trackRelevance(form: CompiledForm, answers: Answers, today: string): Relevance {
  const sections = new Map<string, boolean>();
  const resolve = (item: Answers | undefined) => (name: string): Value => {
    const node = form.nodes.get(name);
    if (node?.repeat !== undefined) return item ? answerAsValue(item[name]) : '';
    return answerAsValue(answers[name]);
  };
  const holds = (expr: Expr | undefined, item?: Answers) => expr === undefined || toBoolean(evaluate(expr, { resolve: resolve(item), today }));
  const consent = form.definition.consent;

  function sectionShown(name: string): boolean {
    const known = sections.get(name);
    if (known !== undefined) return known;
    const locked = form.consentLocked.has(name) && (consent === undefined || answers[consent.question] !== consent.value);
    const shown = !locked && holds(form.sections.find((s) => s.section.name === name)?.relevant);
    sections.set(name, shown);
    return shown;
  }

  return {
    isShown(node, item) {
      if (!sectionShown(node.section)) return false;
      const parent = node.parent === undefined ? undefined : form.nodes.get(node.parent);
      if (parent && node.kind === 'matrix-item' && !holds(parent.relevant)) return false;
      return holds(node.relevant, item);
    },
  };
}
