import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

// Insights count weeks in the quiz's time zone: dayjs with its time-zone plugins, loaded once here.
dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };
