import type { DocumentLabel, DocumentSection, SourceDocument } from '../types.js';

/**
 * Collects a document's headings as it is read: `heading` when one is met,
 * with the number of paragraphs read so far. Of headings with no paragraph
 * between them, the last (the most specific) names the section.
 */
export class SectionList {
  readonly sections: DocumentSection[] = [];

  heading(text: string, paragraphsSoFar: number): void {
    const heading = text.replace(/\s+/g, ' ').trim();
    if (!heading) return;
    const paragraph = paragraphsSoFar + 1;
    if (this.sections.at(-1)?.paragraph === paragraph) this.sections.pop();
    this.sections.push({ heading, paragraph });
  }
}

/** The heading of the section paragraph `number` (from 1) sits in; `undefined` before the first heading or without headings. */
export function sectionOf(document: Pick<SourceDocument, 'sections'>, number: number): string | undefined {
  const sections = document.sections;
  if (!sections) return undefined;
  // Binary search: the last section that starts at or before the paragraph.
  let low = 0;
  let high = sections.length - 1;
  let found: DocumentSection | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const section = sections[middle] as DocumentSection;
    if (section.paragraph <= number) {
      found = section;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found?.heading;
}

/** The header row of the table paragraph `number` (from 1) is a row of; `undefined` outside tables. */
export function labelOf(document: Pick<SourceDocument, 'labels'>, number: number): string | undefined {
  return document.labels?.find((label) => label.first <= number && number <= label.last)?.text;
}

/**
 * The headings and table labels of a document once its first paragraph has
 * left the paragraphs (a byline, or the passage a Markdown file without a
 * heading is titled by): every paragraph number moves up by one, and a label
 * left with no row is dropped. Empty lists are left out.
 */
export function afterFirstParagraph({ sections, labels }: Pick<SourceDocument, 'sections' | 'labels'>): Pick<SourceDocument, 'sections' | 'labels'> {
  const moved = labels?.map((l): DocumentLabel => ({ ...l, first: Math.max(1, l.first - 1), last: l.last - 1 })).filter((l) => l.last >= l.first);
  return {
    ...(sections?.length ? { sections: sections.map((s) => ({ ...s, paragraph: Math.max(1, s.paragraph - 1) })) } : {}),
    ...(moved?.length ? { labels: moved } : {}),
  };
}
