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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
