import { useTranslation } from 'react-i18next';
import { hrefFor, pages, type PageId } from '../router/routes';

interface NavBarProps {
  current: PageId | 'notFound';
}

export const NavBar = ({ current }: NavBarProps) => {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="nav__brand">{t('app.name')}</div>
      <ul>
        {pages.map((page) => (
          <li key={page}>
            <a href={hrefFor(page)} aria-current={page === current ? 'page' : undefined}>
              {t(`nav.${page}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
