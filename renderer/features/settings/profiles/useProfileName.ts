import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/profiles/profiles';

/** How a profile is named to the clerk: its customer, or that the customer is not known yet. */
export const useProfileName = () => {
  const { t } = useTranslation();
  return (profile: Profile): string =>
    profile.customerNumber === null
      ? t('profiles.unknownCustomer')
      : t('profiles.customerName', { name: profile.customerName ?? '', number: profile.customerNumber });
};
