/**
 * Every module that registers job handlers (`registerJobHandler`), imported for that side effect
 * by the scheduler and by `npm run pcmt -- jobs run`, so both run the same kinds whether or not
 * the HTTP routes are loaded. Adding a job kind = a `registerJobHandler` call in its module and one
 * import line here.
 */
import '../procedures/procedures.jobs'; // deadlines.daily
import '../plans/plans.jobs'; // plans.daily
