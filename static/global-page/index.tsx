import { mount } from '../shared/mount';
import { GlobalPage } from './GlobalPage';

mount(<GlobalPage />);
