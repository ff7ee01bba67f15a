import { Component, type ReactNode } from 'react';

/** Contains a render error of one overlay feature: the feature shows `fallback`, the page is untouched. */
export class ErrorBoundary extends Component<{ fallback: ReactNode; onError?(e: unknown): void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(e: unknown) {
    this.props.onError?.(e);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
