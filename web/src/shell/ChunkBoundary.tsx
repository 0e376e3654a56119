import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../kit/index.ts';

function ChunkFailed() {
  const { t } = useTranslation();
  return (
    <Alert tone="error">
      <p>{t('errors.chunk')}</p>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t('common.refresh')}
      </Button>
    </Alert>
  );
}

/** A lazily loaded part of the app that fails to arrive (flaky network) gets a message and a reload button. */
export class ChunkBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render(): ReactNode {
    return this.state.failed ? <ChunkFailed /> : this.props.children;
  }
}
