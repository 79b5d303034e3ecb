import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CostCenterEditError } from '../../../shared/costCenters/editErrors';

/** A refused or failed cost-centre write, kept for display and translated from its code. */
export const useEditFailure = () => {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const describe = (error: unknown): string =>
    error instanceof CostCenterEditError
      ? t(`costCenterPage.errors.${error.code}`)
      : t('costCenterPage.errors.unexpected');
  return { failure, setFailure, describe };
};
