import type { Block, ListItem } from './types.js';

/** The text of a block, nested list items included: for word statistics, topic profiles, sizes and coverage. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
    case 'notes':
    case 'slide-heading':
    case 'html':
      return block.text;
    case 'list':
      return block.items.flatMap(listItemTexts).join(' ');
    case 'code':
      return block.code;
    case 'table':
      return [...block.header, ...block.rows.flat()].join(' ');
    case 'image':
      return block.alt;
    case 'break':
    case 'directive':
      return '';
  }
}

/** A list item's text and, after it, its nested items', depth first. */
export function listItemTexts(item: ListItem): string[] {
  return [item.text, ...(item.children?.items.flatMap(listItemTexts) ?? [])].filter(Boolean);
}
