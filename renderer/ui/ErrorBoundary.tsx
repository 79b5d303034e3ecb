import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyDetailsButton } from './CopyDetailsButton';

interface FallbackProps {
  variant: 'page' | 'panel';
  area: string;
  error: unknown;
  componentStack: string | null;
  onRetry: () => void;
}

const Fallback = ({ variant, area, error, componentStack, onRetry }: FallbackProps) => {
  const { t } = useTranslation();
  const actions = (
    <p className="error-fallback__actions">
      <button type="button" onClick={onRetry}>
        {t('problems.tryAgain')}
      </button>
      <CopyDetailsButton error={error} area={area} componentStack={componentStack} />
    </p>
  );
  if (variant === 'page')
    return (
      <section className="error-fallback error-fallback--page" role="alert" data-testid="error-fallback">
        <h1>{t('problems.page')}</h1>
        <p>{t('problems.hint')}</p>
        {actions}
      </section>
    );
  return (
    <div className="notice notice--error error-fallback" role="alert" data-testid="error-fallback">
      <strong>{t('problems.panel')}</strong> <span>{t('problems.hint')}</span>
      {actions}
    </div>
  );
};

interface ErrorBoundaryProps {
  /** "page": fills the page; "panel": a notice in place of one part of it. */
  variant: 'page' | 'panel';
  /** Names the part in the copied details ("page invoices", "panel status bar"). */
  area: string;
  /** A change (another page, another invoice) clears a shown failure and renders the children again. */
  resetKey?: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: { value: unknown; componentStack: string | null; resetKey: string | undefined } | null;
}

/**
 * Keeps a failure in one part of the UI from blanking the whole app (React unmounts the entire root
 * on an uncaught render error): the part shows a translated message with "Copy details", the rest
 * stays usable.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(value: unknown): Partial<ErrorBoundaryState> {
    return { error: { value, componentStack: null, resetKey: undefined } };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (!state.error) return null;
    // The failure belongs to the key it happened under; navigating elsewhere starts afresh.
    if (state.error.resetKey === undefined) return { error: { ...state.error, resetKey: props.resetKey } };
    return state.error.resetKey === props.resetKey ? null : { error: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Render failed in ${this.props.area}`, error);
    this.setState((state) =>
      state.error ? { error: { ...state.error, componentStack: info.componentStack ?? null } } : null,
    );
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Fallback
        variant={this.props.variant}
        area={this.props.area}
        error={error.value}
        componentStack={error.componentStack}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}
