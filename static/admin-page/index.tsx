import { mount } from '../shared/mount';
import { AdminPage } from './AdminPage';

mount(<AdminPage />);
