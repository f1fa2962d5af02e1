import { ApiOutlined, BankOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Card, Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasAnyRole } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { PERSON_REGISTRY_ROLES, WORK_MODULES } from '../../layout/navigation';

function FeatureCard({
  icon,
  title,
  description,
  action,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  action: ReactNode;
}) {
  return (
    <Card
      title={
        <span>
          {icon} {title}
        </span>
      }
      extra={action}
      style={{ height: '100%' }}
    >
      <Typography.Paragraph style={{ marginBottom: 0 }}>{description}</Typography.Paragraph>
    </Card>
  );
}

/** What PCMT can do today, and honestly what it cannot do yet. No figures: there is no data to show. */
export function HomePage() {
  const { t } = useTranslation();
  const upcoming = WORK_MODULES.filter((module) => module.to === undefined);
  const registry = useHasAnyRole(PERSON_REGISTRY_ROLES);
  return (
    <>
      <PageHeader title={t('home.title')} lead={t('home.lead')} />
      <Typography.Title level={4}>{t('home.availableTitle')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {registry ? (
          <Col xs={24} lg={8}>
            <FeatureCard
              icon={<TeamOutlined />}
              title={t('nav.subjects')}
              description={t('home.personsDescription')}
              action={<Link to="/persons">{t('home.open')}</Link>}
            />
          </Col>
        ) : null}
        <Col xs={24} lg={8}>
          <FeatureCard
            icon={<EnvironmentOutlined />}
            title={t('nav.units')}
            description={t('home.unitsDescription')}
            action={<Link to="/units">{t('home.open')}</Link>}
          />
        </Col>
        <Col xs={24} lg={8}>
          <FeatureCard
            icon={<BankOutlined />}
            title={t('nav.agencies')}
            description={t('home.agenciesDescription')}
            action={<Link to="/agencies">{t('home.open')}</Link>}
          />
        </Col>
        <Col xs={24} lg={8}>
          <FeatureCard
            icon={<ApiOutlined />}
            title={t('home.apiTitle')}
            description={t('home.apiDescription')}
            // A server page (Swagger UI), not a route of this app: a plain link, new tab.
            action={
              <a href="/api/docs" target="_blank" rel="noopener">
                {t('home.openApiDocs')}
              </a>
            }
          />
        </Col>
      </Row>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('home.upcomingTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('home.upcomingLead')}</Typography.Paragraph>
      <div>
        {upcoming.map((module) => (
          <Tag key={module.key} style={{ marginBottom: 8 }}>
            {t(module.labelKey)}
          </Tag>
        ))}
      </div>
    </>
  );
}
