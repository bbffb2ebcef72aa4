import { index, layout, prefix, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  ...prefix(':lang', [
    layout('routes/layout.tsx', [
      index('routes/home.tsx'),
      route('search', 'routes/search.tsx'),
      route('solutions', 'routes/solutions.tsx'),
      route('solutions/new', 'routes/solution-new.tsx'),
      route('solutions/:slug', 'routes/solution.tsx'),
      route('solutions/:slug/edit', 'routes/solution-edit.tsx'),
      route('solutions/:slug/translate', 'routes/solution-translate.tsx'),
      route('solutions/:slug/review', 'routes/solution-review.tsx'),
      route('sign-in', 'routes/sign-in.tsx'),
      route('sign-in/two-factor', 'routes/sign-in-two-factor.tsx'),
      route('sign-out', 'routes/sign-out.tsx'),
      route('forgot-password', 'routes/forgot-password.tsx'),
      route('reset-password', 'routes/reset-password.tsx'),
      route('invitation/:token', 'routes/invitation.tsx'),
      route('account', 'routes/account.tsx'),
      route('people', 'routes/people.tsx'),
      route('admin/audit', 'routes/audit.tsx'),
      route('admin/outbox', 'routes/outbox.tsx'),
      route('organisations', 'routes/organisations.tsx'),
      route('organisations/:slug', 'routes/organisation.tsx'),
      route('events', 'routes/events.tsx'),
      route('events/:slug', 'routes/event.tsx'),
      route('about', 'routes/about.tsx'),
      route('*', 'routes/not-found.tsx'),
    ]),
  ]),
] satisfies RouteConfig;
