/**
 * The figure computed at build time (Node only: the .astro wrapper imports this, the island never
 * does): the starting sentence through the shipped weights by classify(), the very function the
 * live figure calls on every keystroke.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTextModel, TEXT_MODEL_URL, type TextModelFile } from '../../compute/text-cnn-file';
import { classifierFromFile, classify, type Classifier, type ClassifierView } from './model';

let cache: { file: TextModelFile; model: Classifier } | null = null;

/** The subject of the figure's "predict, then reveal" question. */
export const QUESTION_TEXT = 'Re: [ILUG] make money fast';

export function staticClassifierFigure(text: string): {
  start: ClassifierView;
  accuracy: TextModelFile['accuracy'];
  length: number;
  question: { text: string; spam: number };
} {
  if (cache === null) {
    const file = parseTextModel(
      JSON.parse(readFileSync(join(process.cwd(), 'public', TEXT_MODEL_URL), 'utf8')),
    );
    cache = { file, model: classifierFromFile(file) };
  }
  return {
    start: classify(cache.model, text),
    accuracy: cache.file.accuracy,
    length: cache.file.config.length,
    question: { text: QUESTION_TEXT, spam: classify(cache.model, QUESTION_TEXT).probabilities[1] },
  };
}
