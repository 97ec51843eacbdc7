import type { Language } from '../../src/content/language';
import type { Pathway } from '../../src/content/pathwaySchema';

/** One walk from a pathway's start to a leaf: the choices' labels and numbers, and the leaf's code. */
export interface Walk {
  readonly labels: Record<Language, string[]>;
  readonly numbers: string[];
  readonly code: string;
  /** True when the leaf lists what to bring. */
  readonly bring: boolean;
}

/** Every walk from a pathway's start to a disposition (info nodes passed through). */
export function walks(p: Pathway): Walk[] {
  const out: Walk[] = [];
  const visit = (id: string, labels: Record<Language, string[]>, numbers: string[]) => {
    const node = p.nodes[id];
    if (!node) throw new Error(`${p.id}: missing node ${id}`);
    if (node.type === 'disposition')
      out.push({ labels, numbers, code: node.code, bring: node.bring.en.length > 0 });
    else if (node.type === 'info') visit(node.next, labels, numbers);
    else
      node.choices.forEach((c, i) =>
        visit(c.next, { en: [...labels.en, c.label.en], it: [...labels.it, c.label.it] }, [
          ...numbers,
          String(i + 1),
        ]),
      );
  };
  visit(p.start, { en: [], it: [] }, []);
  return out;
}
