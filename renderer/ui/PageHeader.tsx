import { useEffect, useRef } from 'react';

interface PageHeaderProps {
  title: string;
}

/** Each page announces itself: focus moves to its heading so screen readers follow navigation. */
export const PageHeader = ({ title }: PageHeaderProps) => {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <header className="page__header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
    </header>
  );
};
