/**
 * The words Lectern itself puts on slides and printed pages, per language. An article's or config file's `labels:`
 * overrides single entries; a language without a table gets English.
 */

export const LABEL_KEYS = ['introduction', 'agenda', 'keyTakeaways', 'thankYou', 'slide', 'notes', 'continued', 'untitled'] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];
export type Labels = Record<LabelKey, string>;

const TABLES: Record<string, Labels> = {
  en: {
    introduction: 'Introduction',
    agenda: 'Agenda',
    keyTakeaways: 'Key takeaways',
    thankYou: 'Thank you',
    slide: 'Slide',
    notes: 'notes',
    continued: 'continued',
    untitled: 'Untitled talk',
  },
  fr: {
    introduction: 'Introduction',
    agenda: 'Sommaire',
    keyTakeaways: 'À retenir',
    thankYou: 'Merci',
    slide: 'Diapositive',
    notes: 'notes',
    continued: 'suite',
    untitled: 'Présentation sans titre',
  },
  de: {
    introduction: 'Einleitung',
    agenda: 'Agenda',
    keyTakeaways: 'Das Wichtigste',
    thankYou: 'Vielen Dank',
    slide: 'Folie',
    notes: 'Notizen',
    continued: 'Fortsetzung',
    untitled: 'Vortrag ohne Titel',
  },
  es: {
    introduction: 'Introducción',
    agenda: 'Índice',
    keyTakeaways: 'Conclusiones',
    thankYou: 'Gracias',
    slide: 'Diapositiva',
    notes: 'notas',
    continued: 'continuación',
    untitled: 'Charla sin título',
  },
  pt: {
    introduction: 'Introdução',
    agenda: 'Sumário',
    keyTakeaways: 'Principais conclusões',
    thankYou: 'Obrigado',
    slide: 'Slide',
    notes: 'notas',
    continued: 'continuação',
    untitled: 'Apresentação sem título',
  },
  it: {
    introduction: 'Introduzione',
    agenda: 'Indice',
    keyTakeaways: 'Punti chiave',
    thankYou: 'Grazie',
    slide: 'Diapositiva',
    notes: 'note',
    continued: 'continua',
    untitled: 'Presentazione senza titolo',
  },
  nl: {
    introduction: 'Inleiding',
    agenda: 'Agenda',
    keyTakeaways: 'Belangrijkste punten',
    thankYou: 'Dank u wel',
    slide: 'Dia',
    notes: 'notities',
    continued: 'vervolg',
    untitled: 'Presentatie zonder titel',
  },
  zh: { introduction: '引言', agenda: '目录', keyTakeaways: '要点', thankYou: '谢谢', slide: '幻灯片', notes: '备注', continued: '续', untitled: '无标题演讲' },
  ja: {
    introduction: 'はじめに',
    agenda: '目次',
    keyTakeaways: 'まとめ',
    thankYou: 'ありがとうございました',
    slide: 'スライド',
    notes: 'ノート',
    continued: '続き',
    untitled: '無題の発表',
  },
  he: {
    introduction: 'מבוא',
    agenda: 'סדר היום',
    keyTakeaways: 'עיקרי הדברים',
    thankYou: 'תודה',
    slide: 'שקופית',
    notes: 'הערות',
    continued: 'המשך',
    untitled: 'הרצאה ללא כותרת',
  },
  ar: {
    introduction: 'مقدمة',
    agenda: 'جدول الأعمال',
    keyTakeaways: 'أهم النقاط',
    thankYou: 'شكرًا',
    slide: 'شريحة',
    notes: 'ملاحظات',
    continued: 'تابع',
    untitled: 'عرض بلا عنوان',
  },
};

/** The languages with a label table. */
export const LABEL_LANGUAGES = Object.keys(TABLES);

/** The labels for a language tag (`pt-BR` uses `pt`), with the given overrides applied; unknown keys are left out. */
export function labelsFor(lang: string, overrides: Readonly<Record<string, string>> = {}): Labels {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  const labels = { ...(TABLES[primary] ?? TABLES.en!) };
  for (const key of LABEL_KEYS) if (Object.hasOwn(overrides, key)) labels[key] = overrides[key]!;
  return labels;
}

/** Keys of `overrides` that name no label. */
export function unknownLabelKeys(overrides: Readonly<Record<string, string>>): string[] {
  return Object.keys(overrides).filter((key) => !(LABEL_KEYS as readonly string[]).includes(key));
}
