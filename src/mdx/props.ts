/**
 * One validation path for every demo's props: a zod schema per component (as the frontmatter has),
 * read at compile time by src/lib/remark-demo-props.ts when the props are written as literals
 * (the build stops at the post's file and line), and again by each .astro wrapper when it renders
 * (the line then comes from the `__where` prop that remark plugin adds to each demo element; the
 * wrappers do not declare it, as it is not the author's to set).
 * Each mistake is one sentence: which component, which prop, what is allowed.
 */
import { z } from 'astro/zod';
import { convolveGrid, KERNELS } from '../compute';
import { words } from '../compute/text-words';
import { validateStepperProps } from '../islands/conv-stepper/props';
import { checkFeatureMapsProps, type FeatureMapsAuthorProps } from '../islands/feature-maps/props';
import { SAMPLES } from '../islands/kernel-playground/samples';
import { textConvPropsProblem } from '../islands/text-conv/props';
import { checkDigitNetworkProps } from '../islands/digit-network/props';

const grid = (name: string) =>
  z.array(z.array(z.number({ error: `${name} must hold numbers only` })), {
    error: `${name} must be a grid of numbers, such as [[1, 0], [0, 1]]`,
  });
const whole = (name: string, min: number, max: number) =>
  z
    .number({
      error: (issue) =>
        `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(issue.input)}`,
    })
    .int({
      error: (issue) =>
        `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(issue.input)}`,
    })
    .min(min, {
      error: (issue) =>
        `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(issue.input)}`,
    })
    .max(max, {
      error: (issue) =>
        `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(issue.input)}`,
    });
const padding = z.union([z.literal('valid'), z.literal('same'), z.number().int().min(0)], {
  error: (issue) =>
    `padding must be 'valid', 'same' or a whole number of cells, got ${JSON.stringify(issue.input)}`,
});
const caption = z.string({ error: 'caption must be text, such as caption="The first step"' });
const credit = z.strictObject(
  { text: z.string(), href: z.string() },
  { error: 'credit must be { text: "…", href: "https://…" }' },
);

const convolution = {
  input: grid('input').optional(),
  kernel: grid('kernel').optional(),
  stride: whole('stride', 1, 3).optional(),
  padding: padding.optional(),
  dilation: whole('dilation', 1, 3).optional(),
  caption: caption.optional(),
  credit: credit.optional(),
};

/** The props given, without those set to undefined (what the compute functions' options expect). */
const given = <T extends object>(props: T) =>
  Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

/** Unknown props are named, with the component's list of props. */
const strict = <T extends z.ZodRawShape>(component: string, shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `there is no prop ${issue.keys.map((k) => `"${k}"`).join(', ')}; ${component} takes ${Object.keys(shape).join(', ')}`
        : undefined,
  });

const stepper = strict('ConvolutionStepper', convolution);
const figure = strict('ConvolutionFigure', convolution);

/** Checks across props run once every prop alone is right (zod would run them on wrong props too). */
export const DEMO_SCHEMAS = {
  ConvolutionStepper: stepper.superRefine((props, ctx) => {
    if (!stepper.safeParse(props).success) return;
    const problem = validateStepperProps(given(props));
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem.replace(/\.$/, '') });
  }),
  ConvolutionFigure: figure.superRefine((props, ctx) => {
    if (!figure.safeParse(props).success) return;
    try {
      const { input, kernel, caption: _c, credit: _r, ...options } = props;
      if (input && kernel) convolveGrid(input, kernel, given(options));
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `${(error as Error).message}; check the input and kernel props`,
      });
    }
  }),
  KernelPlayground: strict('KernelPlayground', {
    preset: z
      .string()
      .refine((id) => KERNELS.some((k) => k.id === id), {
        error: (issue) =>
          `there is no preset ${JSON.stringify(issue.input)}; use one of ${KERNELS.map((k) => k.id).join(', ')}`,
      })
      .optional(),
    mode: z
      .union([z.literal('gray'), z.literal('rgb')], {
        error: (issue) => `mode must be "gray" or "rgb", got ${JSON.stringify(issue.input)}`,
      })
      .optional(),
    sample: z
      .string()
      .refine((id) => SAMPLES.some((s) => s.id === id), {
        error: (issue) =>
          `there is no sample image ${JSON.stringify(issue.input)}; use one of ${SAMPLES.map((s) => s.id).join(', ')}`,
      })
      .optional(),
    caption: caption.optional(),
  }),
  FeatureMaps: strict('FeatureMaps', {
    filters: z
      .array(z.unknown(), { error: 'filters must be a list, such as [{ kernel: "sobel-x" }]' })
      .optional(),
    relu: z.boolean({ error: 'relu must be true or false' }).optional(),
    pool: z.record(z.string(), z.unknown(), { error: 'pool must be { mode, size, stride }' }).optional(),
    sample: z.string({ error: 'sample must be the id of a sample picture' }).optional(),
    caption: caption.optional(),
  }).superRefine(({ caption: _c, ...props }, ctx) => {
    // The bank's own checks (kernel ids and sizes, biases, pooling ranges) live with the island.
    const checked = checkFeatureMapsProps(
      given(props) as FeatureMapsAuthorProps,
      SAMPLES.map((s) => s.id),
    );
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message.replace(/\.$/, '') });
  }),
  TextConvolution: strict('TextConvolution', {
    text: z.string({ error: 'text must be text, such as text="The cat sat on the mat."' }).optional(),
    filters: z
      .array(z.string(), {
        error: "filters must be a list of pieces of text, such as filters={['the', 'at']}",
      })
      .optional(),
    stride: whole('stride', 1, 3).optional(),
    padding: z
      .union([z.literal('valid'), z.literal('same')], {
        error: (issue) => `padding must be 'valid' or 'same', got ${JSON.stringify(issue.input)}`,
      })
      .optional(),
    dilation: whole('dilation', 1, 3).optional(),
    caption: caption.optional(),
  }).superRefine(({ caption: _c, ...props }, ctx) => {
    const problem = textConvPropsProblem(props);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }),
  DigitNetwork: strict('DigitNetwork', {
    digit: z.unknown().optional(),
    caption: caption.optional(),
  }).superRefine(({ digit }, ctx) => {
    const problem = checkDigitNetworkProps({ digit });
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }),
  TextClassifier: strict('TextClassifier', {
    text: z
      .string({ error: 'text must be a subject line, such as text="Make $500 a week from home, free!"' })
      .refine((t) => words(t).length > 0, { error: 'text must hold at least one word' })
      .optional(),
    caption: caption.optional(),
  }),
} as const;

export type DemoName = keyof typeof DEMO_SCHEMAS;

/** The components whose props are checked, for the remark plugin. */
export const DEMO_NAMES: readonly string[] = Object.keys(DEMO_SCHEMAS);

/** The prop the remark plugin adds to each demo element: "content/posts/x/index.mdx:12". */
export const WHERE_PROP = '__where';

/** The problems with a demo's props, one sentence each ("stride must be …"); [] when they are fine. */
export function demoPropProblems(name: DemoName, props: Record<string, unknown>): string[] {
  const { [WHERE_PROP]: _where, ...rest } = props;
  const result = DEMO_SCHEMAS[name].safeParse(rest);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.message}.`);
}

/** The error for a demo with wrong props: where it is (when known), which component, and every problem. */
export function demoPropError(name: DemoName, problems: readonly string[], where?: string): string {
  const at = where ? `${where}: ` : '';
  return `${at}<${name}>: ${problems.join(' ')}`;
}

/**
 * For the .astro wrappers: throws the sentence when the props are wrong. Returns the props less the
 * location prop, typed as the wrapper declared them.
 */
export function checkDemoProps<T extends object>(name: DemoName, props: T): Omit<T, typeof WHERE_PROP> {
  const { [WHERE_PROP]: where, ...rest } = props as T & { [WHERE_PROP]?: unknown };
  const problems = demoPropProblems(name, rest as Record<string, unknown>);
  if (problems.length > 0)
    throw new Error(demoPropError(name, problems, typeof where === 'string' ? where : undefined));
  return rest;
}
