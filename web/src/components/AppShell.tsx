import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useMe } from '../features/auth/useMe.js';
import { useUnreadCount } from '../features/auth/useUnreadCount.js';
import { useChatUnread } from '../features/chat/useChatUnread.js';
import { HeaderSearch } from '../features/search/HeaderSearch.js';
import '../features/search/search.css';
import { BellIcon, ChatIcon, GearIcon, HomeIcon, PlusIcon, UserIcon } from './Icons.js';
import { Spinner } from './Spinner.js';

/** Header, main navigation (bottom bar on phones, side bar on desktop) and the page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe().data;
  const unread = useUnreadCount(Boolean(me));
  const chatUnread = useChatUnread(Boolean(me));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            跨
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <HeaderSearch />
        <div className="topbar-actions">
          <Link to="/settings" className="icon-btn topbar-settings" aria-label={t('nav.settings')}>
            <GearIcon />
          </Link>
        </div>
        {!me && (
          <div className="topbar-actions">
            <Link to="/sign-in" className="btn btn-ghost">
              {t('nav.signIn')}
            </Link>
            <Link to="/sign-up" className="btn btn-primary">
              {t('nav.signUp')}
            </Link>
          </div>
        )}
      </header>
      <nav className="tabbar" aria-label={t('nav.main')}>
        <NavLink to="/" end className="tab-link">
          <HomeIcon />
          <span>{t('nav.discover')}</span>
        </NavLink>
        <NavLink to="/compose" className="tab-link tab-post">
          <span className="post-pill">
            <PlusIcon />
          </span>
          <span>{t('nav.post')}</span>
        </NavLink>
        <NavLink to="/notifications" className="tab-link">
          <span className="icon-with-badge">
            <BellIcon />
            {unread > 0 && (
              <span className="badge" aria-hidden="true">
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </span>
          <span>{t('nav.notifications')}</span>
          {unread > 0 && <span className="visually-hidden">{t('nav.unreadBadge', { count: unread })}</span>}
        </NavLink>
        {/* chat and English Corner (issue 8) */}
        <NavLink to="/messages" className="tab-link">
          <span className="icon-with-badge">
            <ChatIcon />
            {chatUnread > 0 && (
              <span className="badge" aria-hidden="true">
                {chatUnread > 99 ? '99+' : chatUnread}
              </span>
            )}
          </span>
          <span>{t('nav.messages')}</span>
          {chatUnread > 0 && <span className="visually-hidden">{t('chat.unread', { count: chatUnread })}</span>}
        </NavLink>
        <NavLink to={me ? `/users/${me.handle}` : '/sign-in'} className="tab-link">
          <UserIcon />
          <span>{t('nav.me')}</span>
        </NavLink>
        <NavLink to="/settings" className="tab-link tab-settings">
          <GearIcon />
          <span>{t('nav.settings')}</span>
        </NavLink>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
