/**
 * One training step written out for one chosen filter: its gradient g (how the batch's loss
 * changes as each weight grows), and the update. With plain gradient descent (SGD) that is
 * w ← w − η·g, every number shown; Adam scales each weight's step by the gradient's recent size,
 * so there the change is shown beside the gradient instead.
 */
import { NumberGrid } from '../shared/NumberGrid';
import { formatTerm, formatWeight, stepUpdate, type Optimizer } from './model';
import type { StepReply } from './protocol';

export interface StepViewProps {
  step: StepReply & { learningRate: number };
  filter: number;
  optimizer: Optimizer;
}

export function StepView({ step, filter, optimizer }: StepViewProps) {
  const u = stepUpdate(step.before, step.gradient, step.after, filter, step.learningRate);
  const eta = formatWeight(u.learningRate);
  return (
    <div class="dn-step" data-testid="step-update" data-filter={filter} data-learning-rate={u.learningRate}>
      <p class="dn-step__text">
        One batch, loss {step.loss.toFixed(3)}. Filter {filter + 1}:{' '}
        {optimizer === 'sgd'
          ? `each weight moves against its gradient, w ← w − η·g with η = ${eta}.`
          : `Adam moved each weight by about η = ${eta} in the direction against its gradient, whatever the gradient's size.`}
      </p>
      <div class="dn-step__grids">
        <div data-testid="step-before">
          <NumberGrid kind="kernel" label="w (before)" rows={u.before} format={formatWeight} exact />
        </div>
        <span class="dn-op">{optimizer === 'sgd' ? `− ${eta} ×` : 'and'}</span>
        <div data-testid="step-gradient">
          <NumberGrid kind="input" label="g (gradient)" rows={u.gradient} format={formatWeight} exact />
        </div>
        <span class="dn-op">{optimizer === 'sgd' ? '=' : '→'}</span>
        <div data-testid="step-after">
          <NumberGrid kind="output" label="w (after)" rows={u.after} format={formatWeight} exact />
        </div>
      </div>
      {optimizer === 'sgd' && (
        <p class="dn-step__text">
          Top left, to 5 digits: {formatTerm(u.before[0]?.[0] ?? 0)} − {eta} ×{' '}
          {formatTerm(u.gradient[0]?.[0] ?? 0, true)} = {formatTerm(u.after[0]?.[0] ?? 0)}.
        </p>
      )}
    </div>
  );
}
