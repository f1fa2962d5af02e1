import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../i18n';

const theme: ThemeConfig = {
  token: {
    // Police blue; readable on the modest, often dim screens of office laptops.
    colorPrimary: '#1f4e8c',
    borderRadius: 4,
  },
  components: {
    Menu: { itemSelectedBg: '#e6effa', itemSelectedColor: '#1f4e8c' },
    Tree: { nodeSelectedBg: '#d6e4f5' },
  },
};

/** antd's own texts (pagination, empty states, …) follow the UI language. */
function LocalisedAntd({ children }: { children: ReactNode }) {
  const { i18n: active } = useTranslation();
  return (
    <ConfigProvider locale={active.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/**
 * Error messages come from the server in the language of the request. After a switch, failed
 * queries are fetched again so their message is shown in the new language; good data stays.
 */
function RefetchErrorsOnLanguageChange({ queryClient }: { queryClient: QueryClient }) {
  useEffect(() => {
    const refetchFailed = () => {
      void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
    };
    i18n.on('languageChanged', refetchFailed);
    return () => i18n.off('languageChanged', refetchFailed);
  }, [queryClient]);
  return null;
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RefetchErrorsOnLanguageChange queryClient={queryClient} />
        <LocalisedAntd>{children}</LocalisedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
