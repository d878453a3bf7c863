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

function overflowOf(frame: HTMLElement): { x: number; y: number } {
  return { x: Math.max(0, frame.scrollWidth - frame.clientWidth), y: Math.max(0, frame.scrollHeight - frame.clientHeight) };
}

/** Shrinks a slide's text step by step until it fits or reaches the floor. */
export function fitSlide(section: HTMLElement): number {
  const frame = frameOf(section);
  if (!frame) return 1;
  return withAllVisible([section], () => {
    const scale = fitFrame(frame);
    section.dataset.fitScale = scale.toFixed(2);
    return scale;
  });
}

/** Shrinks one laid-out frame; returns its scale. */
function fitFrame(frame: HTMLElement): number {
  frame.classList.remove(BREAK_ANYWHERE);
  let scale = shrink(frame);
  // Table cells keep their words whole; a long URL or code in a cell can stay too wide even shrunk, so it may break.
  if (overflowOf(frame).x > 1 && frame.querySelector('table.table')) {
    frame.classList.add(BREAK_ANYWHERE);
    scale = shrink(frame);
  }
  return scale;
}

/**
 * Fits many slides with as few layouts as possible: every slide is reset first, then all are measured in one layout,
 * and only the slides that overflow are shrunk one by one. Fitting slide by slide instead alternates a style change with
 * a measurement, a full layout each time, which makes a 2,600-slide deck take seconds.
 */
export function fitSlides(sections: HTMLElement[]): void {
  const frames = sections.map(frameOf);
  const scales = withAllVisible(sections, () => {
    for (const frame of frames) {
      frame?.classList.remove(BREAK_ANYWHERE);
      frame?.style.removeProperty('font-size');
    }
    const overflowing = frames.map((frame) => {
      if (!frame) return false;
      const { x, y } = overflowOf(frame);
      return x > 1 || y > 1;
    });
    return frames.map((frame, index) => (frame && overflowing[index] ? fitFrame(frame) : 1));
  });
  sections.forEach((section, index) => {
    if (frames[index]) section.dataset.fitScale = scales[index]!.toFixed(2);
  });
}

/**
 * Runs `measure` with every section laid out, even those Reveal has hidden. Only the hidden ones are touched: a style
 * written to every section, even an unchanged `display`, makes the browser style and lay out the whole deck again.
 */
function withAllVisible<T>(sections: HTMLElement[], measure: () => T): T {
  const hidden = sections.filter((section) => section.hidden || section.style.display === 'none');
  const saved = hidden.map((section) => ({ display: section.style.display, hidden: section.hidden }));
  for (const section of hidden) {
    section.style.display = 'block';
    section.hidden = false;
  }
  try {
    return measure();
  } finally {
    hidden.forEach((section, index) => {
      section.style.display = saved[index]!.display;
      section.hidden = saved[index]!.hidden;
    });
  }
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
  // All shown at once and measured in one layout (see fitSlides).
  return withAllVisible(sections, () =>
    sections.map((section, index) => {
      const frame = frameOf(section);
      const { x, y } = frame ? overflowOf(frame) : { x: 0, y: 0 };
      return { index, id: section.id, x, y, scale: Number(section.dataset.fitScale ?? 1) };
    }),
  );
}
