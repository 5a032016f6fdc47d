import type { AttendeeMessage, DeviceResult, ResultMessage, Reveal, RoomState, Tally } from './audience-messages';
import type { Question, QuestionDraft } from './questions';
import { median, summarizeRoom } from './room-stats';

type Answer = Extract<AttendeeMessage, { type: 'answer' }>['answer'];

export interface RoomOptions {
  readonly joinUrl: string;
  readonly joinCode: string;
  readonly runSeconds: number;
  readonly capacity: number;
  /** Milliseconds on any clock; results are stamped relative to the room's start. */
  readonly now: () => number;
}

/**
 * One audience session's state, and nothing else: who is connected, one result per device (a
 * second run replaces the first, so no device is counted twice), the question on screen and its
 * answers. Pure and synchronous; the server (electron/audience/) calls it as messages arrive.
 * Nothing here is written to disk: it is gone when the session stops, unless the presenter exports.
 */
export class Room {
  private readonly connected = new Set<string>();
  private readonly results = new Map<string, DeviceResult>();
  private readonly answers = new Map<string, Answer>();
  private question: Question | null = null;
  private revealed: Reveal | null = null;
  private nextDevice = 1;
  private nextQuestion = 1;
  private readonly startedMs: number;

  constructor(private readonly options: RoomOptions) {
    this.startedMs = options.now();
  }

  /** A new device's label ("Device 7"), or null when the room is full. */
  join(): string | null {
    if (this.connected.size >= this.options.capacity) return null;
    const label = `Device ${this.nextDevice++}`;
    this.connected.add(label);
    return label;
  }

  /** The device's result stays: a phone that locks its screen still counts. */
  leave(label: string): void {
    this.connected.delete(label);
  }

  record(label: string, message: ResultMessage): void {
    const { device, main, workers } = message;
    this.results.set(label, { label, device, main, workers, atMs: this.options.now() - this.startedMs });
  }

  /** Null when counted; otherwise why not (no question on screen, or an old one). */
  answer(label: string, questionId: string, answer: Answer): string | null {
    const question = this.question;
    if (question === null) return 'there is no question on the screen';
    if (question.id !== questionId) return `question ${questionId} is no longer on the screen`;
    if (this.revealed !== null) return 'the answers have been revealed already';
    if (question.kind === 'choice') {
      if (!('choice' in answer)) return 'this question wants a choice';
      if (answer.choice >= question.choices.length) {
        return `answer.choice must be a whole number from 0 to ${question.choices.length - 1}`;
      }
    } else if (!('seconds' in answer)) return 'this question wants a number of seconds';
    this.answers.set(label, answer);
    return null;
  }

  ask(draft: QuestionDraft): Question {
    this.question = { ...draft, id: `q${this.nextQuestion++}` };
    this.answers.clear();
    this.revealed = null;
    return this.question;
  }

  /** The answers beside what the room measured; null when there is no question to reveal. */
  reveal(): Reveal | null {
    const tally = this.tally();
    if (this.question === null || tally === null) return null;
    const summary = summarizeRoom([...this.results.values()]);
    this.revealed = {
      question: this.question,
      tally,
      devices: summary.results,
      mainWorstGapMs: summary.mainWorstGapMs,
      workersWorstGapMs: summary.workersWorstGapMs,
    };
    return this.revealed;
  }

  clear(): void {
    this.question = null;
    this.revealed = null;
    this.answers.clear();
  }

  get currentQuestion(): Question | null {
    return this.question;
  }

  get currentReveal(): Reveal | null {
    return this.revealed;
  }

  get connectedCount(): number {
    return this.connected.size;
  }

  state(): RoomState {
    const { joinUrl, joinCode, runSeconds, capacity } = this.options;
    return {
      joinUrl,
      joinCode,
      runSeconds,
      capacity,
      joined: this.connected.size,
      results: [...this.results.values()],
      question: this.question,
      tally: this.tally(),
      reveal: this.revealed,
    };
  }

  private tally(): Tally | null {
    const question = this.question;
    if (question === null) return null;
    const answers = [...this.answers.values()];
    if (question.kind === 'choice') {
      const counts = question.choices.map(() => 0);
      for (const a of answers) if ('choice' in a) counts[a.choice] = (counts[a.choice] ?? 0) + 1;
      return { questionId: question.id, answers: answers.length, counts, medianGuessSeconds: null };
    }
    const guesses = answers.flatMap((a) => ('seconds' in a ? [a.seconds] : []));
    return { questionId: question.id, answers: answers.length, counts: null, medianGuessSeconds: median(guesses) };
  }
}
