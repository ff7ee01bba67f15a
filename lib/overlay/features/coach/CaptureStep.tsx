import type { CoachController } from './controller';

/** Placeholder until the show-once capture lands (issue 5). */
export function CaptureStep({ controller }: { controller: CoachController }) {
  return (
    <div className="wtg-row">
      <button type="button" className="wtg-primary" data-testid="capture-confirm" onClick={() => controller.updateSession({ stored: true })}>
        I've stored it
      </button>
    </div>
  );
}
