import { useTranslation } from 'react-i18next';
import { hrefFor, routeTable, type PageId } from './router/routes';

interface NavBarProps {
  current: PageId | 'notFound';
}

export const NavBar = ({ current }: NavBarProps) => {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <div className="nav__brand">{t('app.name')}</div>
      <ul>
        {routeTable.map((route) => (
          <li key={route.id}>
            <a href={hrefFor(route.id)} aria-current={route.id === current ? 'page' : undefined}>
              {t(route.labelKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
