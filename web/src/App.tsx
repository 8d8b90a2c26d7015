import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/AppShell.js';
import { DiscoverPage } from './pages/DiscoverPage.js';

// Discover is in the first bundle; every other page is its own chunk, fetched when visited.
const SignInPage = lazy(() => import('./pages/SignInPage.js'));
const SignUpPage = lazy(() => import('./pages/SignUpPage.js'));
const OnboardingPage = lazy(() => import('./pages/OnboardingPage.js'));
const NotePage = lazy(() => import('./pages/NotePage.js'));
const ComposePage = lazy(() => import('./pages/ComposePage.js'));
const EditNotePage = lazy(() => import('./pages/EditNotePage.js'));
const ProfilePage = lazy(() => import('./pages/ProfilePage.js'));
const TopicPage = lazy(() => import('./pages/TopicPage.js'));
const SearchPage = lazy(() => import('./pages/SearchPage.js'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage.js'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.js'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.js'));
// chat and English Corner (issue 8)
const MessagesPage = lazy(() => import('./pages/MessagesPage.js'));
const PartnersPage = lazy(() => import('./pages/PartnersPage.js'));
const RoomsPage = lazy(() => import('./pages/RoomsPage.js'));
// moderation (issue 7)
const RulesPage = lazy(() => import('./pages/RulesPage.js'));
const RulesEditorPage = lazy(() => import('./pages/RulesEditorPage.js'));
const NoticesPage = lazy(() => import('./pages/NoticesPage.js'));
const ModerationPage = lazy(() => import('./pages/ModerationPage.js'));
const TransparencyPage = lazy(() => import('./pages/TransparencyPage.js'));

export function App() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<DiscoverPage tab="discover" />} />
        <Route path="following" element={<DiscoverPage tab="following" />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="onboarding" element={<OnboardingPage />} />
        <Route path="notes/:id" element={<NotePage />} />
        <Route path="notes/:id/edit" element={<EditNotePage />} />
        <Route path="compose" element={<ComposePage />} />
        <Route path="users/:handle" element={<ProfilePage />} />
        <Route path="topics/:name" element={<TopicPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        {/* moderation (issue 7) */}
        <Route path="rules" element={<RulesPage />} />
        <Route path="notices" element={<NoticesPage />} />
        <Route path="moderation" element={<ModerationPage />} />
        <Route path="moderation/rules" element={<RulesEditorPage />} />
        <Route path="transparency" element={<TransparencyPage />} />
        {/* chat and English Corner (issue 8) */}
        <Route path="messages" element={<MessagesPage />} />
        <Route path="messages/:id" element={<MessagesPage />} />
        <Route path="partners" element={<PartnersPage />} />
        <Route path="corner" element={<RoomsPage />} />
        <Route path="corner/:id" element={<RoomsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
