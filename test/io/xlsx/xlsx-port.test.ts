import { describePortContract } from '../port-contract';
import { xlsxPortUnderTest } from './harness';

describePortContract('xlsx (ExcelJS)', xlsxPortUnderTest);
