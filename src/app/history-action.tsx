// The site sheet's "Historique" controls (map feature) open the history charts (reports feature).
import { HistoryButton } from '../features/reports/components/history-button.tsx';
import type { HistorySubject } from '../features/reports/api/history-query.ts';

export const historyAction = (subject: HistorySubject) => <HistoryButton subject={subject} />;
