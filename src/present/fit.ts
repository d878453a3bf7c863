/** Overflow measurement and shrink-to-fit for slides, run in the browser. */

/** Smallest scale a slide's text may be shrunk to before it counts as overflowing. */
export const FIT_FLOOR = 0.7;

export interface SlideOverflow {
  index: number;
  id: string;
  /** Pixels the content reaches past the frame, after shrinking. */
  x: number;
  y: number;
  /** The scale the slide's text was shrunk to (1 = not shrunk). */
  scale: number;
}

function frameOf(section: HTMLElement): HTMLElement | null {
  return section.querySelector(':scope > .slide-frame');
}

/** Runs `measure` with the section laid out even when Reveal has hidden it. */
function withVisible<T>(section: HTMLElement, measure: () => T): T {
  const display = section.style.display;
  const hidden = section.hidden;
  section.style.display = 'block';
  section.hidden = false;
  try {
    return measure();
  } finally {
    section.style.display = display;
    section.hidden = hidden;
  }
}

function overflowOf(frame: HTMLElement): { x: number; y: number } {
  return { x: Math.max(0, frame.scrollWidth - frame.clientWidth), y: Math.max(0, frame.scrollHeight - frame.clientHeight) };
}

/** Shrinks a slide's text step by step until it fits or reaches the floor. */
export function fitSlide(section: HTMLElement): number {
  const frame = frameOf(section);
  if (!frame) return 1;
  return withVisible(section, () => {
    frame.classList.remove(BREAK_ANYWHERE);
    let scale = shrink(frame);
    // Table cells keep their words whole; a long URL or code in a cell can stay too wide even shrunk, so it may break.
    if (overflowOf(frame).x > 1 && frame.querySelector('table.table')) {
      frame.classList.add(BREAK_ANYWHERE);
      scale = shrink(frame);
    }
    section.dataset.fitScale = scale.toFixed(2);
    return scale;
  });
}

/** Lets table cells break inside words (base.css). */
const BREAK_ANYWHERE = 'break-anywhere';

function shrink(frame: HTMLElement): number {
  let scale = 1;
  frame.style.removeProperty('font-size');
  for (let step = 0; step < 8; step++) {
    const { x, y } = overflowOf(frame);
    if (x <= 1 && y <= 1) break;
    const ratio = Math.min(frame.clientHeight / frame.scrollHeight, frame.clientWidth / frame.scrollWidth);
    const next = Math.max(FIT_FLOOR, Math.min(scale - 0.03, scale * ratio));
    if (next >= scale) break;
    scale = next;
    frame.style.fontSize = `${scale}em`;
  }
  return scale;
}

/** Every slide's remaining overflow. */
export function measureSlides(sections: HTMLElement[]): SlideOverflow[] {
  return sections.map((section, index) => {
    const frame = frameOf(section);
    const { x, y } = frame ? withVisible(section, () => overflowOf(frame)) : { x: 0, y: 0 };
    return { index, id: section.id, x, y, scale: Number(section.dataset.fitScale ?? 1) };
  });
}
